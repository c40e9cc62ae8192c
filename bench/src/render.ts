/**
 * Re-renders bench/RESULTS.md from a results file (default: the newest in bench/results) and
 * bench/ANALYSIS.md, without measuring anything: `pnpm --filter @wheelhouse/bench exec tsx src/render.ts`.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderMarkdown } from './report';

const bench = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(bench, 'results');
const name =
  process.argv[2] ??
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .at(-1);
if (!name) throw new Error('no results in bench/results');
const results = JSON.parse(readFileSync(path.join(dir, path.basename(name)), 'utf8')) as Record<
  string,
  unknown
>;
const analysisFile = path.join(bench, 'ANALYSIS.md');
const analysis = existsSync(analysisFile) ? readFileSync(analysisFile, 'utf8') : undefined;
writeFileSync(path.join(bench, 'RESULTS.md'), renderMarkdown(results, path.basename(name), analysis));
process.stderr.write(`bench/RESULTS.md rendered from results/${path.basename(name)}\n`);
