// Adds up the JSON reports of vitest, Playwright and the chaos run in a folder and prints one closing line,
// "tests: N passed, N failed". Exits non-zero when a test or a stage (given as arguments) failed.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [dir, ...failedStages] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
// CI shows only the tail of the run, so the names of failed tests are printed here, at the end.
const failedNames = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  if (report.stats && 'expected' in report.stats) {
    // Playwright
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected;
    skipped += report.stats.skipped;
    collectPlaywrightFailures(report.suites ?? [], file, failedNames);
    console.log(
      `${file}: ${report.stats.expected} passed, ${report.stats.unexpected} failed, ${report.stats.flaky ?? 0} flaky`,
    );
  } else if (report.chaos) {
    // scripts/chaos.sh (CHAOS_SUMMARY): each named check of the chaos run counts as a test
    const ok = report.chaos.checks.filter((c) => c.ok).length;
    const bad = report.chaos.checks.length - ok;
    passed += ok;
    failed += bad;
    for (const c of report.chaos.checks.filter((c) => !c.ok)) failedNames.push(`${file}: ${c.name}`);
    console.log(`${file}: ${ok} passed, ${bad} failed (chaos seed ${report.chaos.seed})`);
  } else if ('numPassedTests' in report) {
    // vitest
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + (report.numTodoTests ?? 0);
    for (const suite of report.testResults ?? []) {
      const where = path.relative(process.cwd(), suite.name ?? '');
      for (const t of suite.assertionResults ?? []) {
        if (t.status === 'failed') failedNames.push(`${file}: ${where} › ${t.fullName ?? t.title}`);
      }
      // a file that failed to load (syntax error, hook timeout) has no failed assertion of its own
      if (suite.status === 'failed' && !(suite.assertionResults ?? []).some((t) => t.status === 'failed')) {
        failedNames.push(
          `${file}: ${where} (the file failed: ${String(suite.message ?? '').split('\n')[0]})`,
        );
      }
    }
    console.log(`${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
  }
}
for (const name of failedNames) console.log(`failed: ${name}`);
for (const s of failedStages) console.log(`stage failed: ${s}`);
const stageFailures = failedStages.length;
if (passed === 0) console.log('no test ran');
console.log(
  `tests: ${passed} passed, ${failed + stageFailures} failed${skipped ? `, ${skipped} skipped` : ''}`,
);
process.exit(failed + stageFailures > 0 || passed === 0 ? 1 : 0);

function collectPlaywrightFailures(suites, file, out) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      if (spec.ok === false) out.push(`${file}: ${spec.file ?? suite.file} › ${spec.title}`);
    }
    collectPlaywrightFailures(suite.suites ?? [], file, out);
  }
}
