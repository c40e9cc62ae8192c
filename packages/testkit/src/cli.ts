/**
 * The testkit's pod shaping from the shell, so tools/cluster's demo seed shapes its pods with the same code
 * as the tests instead of a second implementation:
 *
 *   node --import tsx src/cli.ts ready NAMESPACE true|false POD... [--reason R] [--message M] [--event] [--event-label K=V]
 *   node --import tsx src/cli.ts restarts NAMESPACE POD --count N [--container C] [--reason R] [--exit-code X]
 *                                [--ran-for SECONDS] [--event] [--event-label K=V]
 *   node --import tsx src/cli.ts logs FILE.json --set NAME [--once] [--every SECONDS --minutes M]
 *
 * `--event` also records the Event a kubelet would (Unhealthy for a failed readiness probe, BackOff for a
 * restart). `logs` appends a set of lines from FILE.json ({"NAME": [{"stream": "stdout", "text": "…"}]}) to the
 * log KWOK serves for every container: all at once (`--once`: unless its first line is already there), or one
 * line every SECONDS for M minutes, cycling (bounded in time and count; SIGTERM stops it).
 * The cluster: WHEELHOUSE_KUBECONFIG, else `tools/cluster/cluster up` (see ensureCluster).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ensureCluster } from './cluster';
import { recordPodEvent } from './events';
import { appendPodLog, podLogFile } from './logs';
import { addRestarts, flipReadiness } from './pods';

interface LogLine {
  stream: 'stdout' | 'stderr';
  text: string;
}

function fail(message: string): never {
  throw new Error(`testkit cli: ${message}`);
}

function labels(pairs: string[] | undefined): Record<string, string> | undefined {
  if (!pairs?.length) return undefined;
  return Object.fromEntries(
    pairs.map((p) => {
      const i = p.indexOf('=');
      if (i <= 0) fail(`--event-label wants KEY=VALUE, got ${p}`);
      return [p.slice(0, i), p.slice(i + 1)];
    }),
  );
}

function wholeNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) fail(`${flag} wants a whole number, got ${value}`);
  return Number(value);
}

async function ready(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      reason: { type: 'string' },
      message: { type: 'string' },
      event: { type: 'boolean' },
      'event-label': { type: 'string', multiple: true },
    },
  });
  const [namespace, state, ...pods] = positionals;
  if (!namespace || (state !== 'true' && state !== 'false') || pods.length === 0) {
    fail('usage: ready NAMESPACE true|false POD...');
  }
  const { kc } = await ensureCluster();
  for (const pod of pods) {
    const after = await flipReadiness(kc, namespace, pod, state === 'true', values.reason, values.message);
    if (values.event && state === 'false') {
      const message =
        after.status?.conditions?.find((c) => c.type === 'Ready')?.message ?? 'Readiness probe failed';
      await recordPodEvent(kc, namespace, pod, {
        type: 'Warning',
        reason: 'Unhealthy',
        message,
        labels: labels(values['event-label']),
      });
    }
  }
}

async function restarts(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      container: { type: 'string' },
      count: { type: 'string' },
      reason: { type: 'string' },
      'exit-code': { type: 'string' },
      'ran-for': { type: 'string' },
      event: { type: 'boolean' },
      'event-label': { type: 'string', multiple: true },
    },
  });
  const [namespace, pod] = positionals;
  const count = wholeNumber(values.count, '--count');
  if (!namespace || !pod || count === undefined || positionals.length !== 2) {
    fail('usage: restarts NAMESPACE POD --count N');
  }
  const { kc } = await ensureCluster();
  const exitCode = wholeNumber(values['exit-code'], '--exit-code');
  const ranForSeconds = wholeNumber(values['ran-for'], '--ran-for');
  const after = await addRestarts(kc, namespace, pod, {
    count,
    ...(values.container ? { container: values.container } : {}),
    ...(values.reason ? { reason: values.reason } : {}),
    ...(exitCode !== undefined ? { exitCode } : {}),
    ...(ranForSeconds !== undefined ? { ranForSeconds } : {}),
  });
  if (values.event) {
    const container = values.container ?? after.status?.containerStatuses?.[0]?.name ?? '';
    await recordPodEvent(kc, namespace, pod, {
      type: 'Warning',
      reason: 'BackOff',
      message: `Back-off restarting failed container ${container} in pod ${pod}`,
      container,
      labels: labels(values['event-label']),
    });
  }
}

async function readLogSet(file: string, set: string): Promise<LogLine[]> {
  const all: unknown = JSON.parse(await readFile(file, 'utf8'));
  const lines = (all as Record<string, unknown>)[set];
  const valid = (l: unknown): l is LogLine =>
    typeof l === 'object' &&
    l !== null &&
    ((l as LogLine).stream === 'stdout' || (l as LogLine).stream === 'stderr') &&
    typeof (l as LogLine).text === 'string' &&
    !(l as LogLine).text.includes('\n');
  if (!Array.isArray(lines) || lines.length === 0 || !lines.every(valid)) {
    fail(`${file}: "${set}" must be a non-empty list of {"stream": "stdout"|"stderr", "text": one line}`);
  }
  return lines;
}

async function logs(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      set: { type: 'string' },
      once: { type: 'boolean' },
      every: { type: 'string' },
      minutes: { type: 'string' },
    },
  });
  const [file] = positionals;
  if (!file || !values.set || positionals.length !== 1) fail('usage: logs FILE.json --set NAME');
  const lines = await readLogSet(file, values.set);
  const every = wholeNumber(values.every, '--every');
  const minutes = wholeNumber(values.minutes, '--minutes');
  if (every === undefined && minutes === undefined) {
    const first = lines[0] as LogLine;
    if (values.once && (await readFile(await podLogFile(), 'utf8')).includes(` F ${first.text}\n`)) return;
    for (const line of lines) await appendPodLog(line.text, { stream: line.stream });
    return;
  }
  if (!every || !minutes) fail('--every and --minutes go together, each at least 1');
  const deadline = Date.now() + minutes * 60_000;
  const maxLines = Math.ceil((minutes * 60) / every);
  for (let i = 0; i < maxLines; i++) {
    await new Promise((resolve) => setTimeout(resolve, every * 1000));
    if (Date.now() > deadline) break;
    const line = lines[i % lines.length] as LogLine;
    await appendPodLog(line.text, { stream: line.stream });
  }
}

const commands: Record<string, (args: string[]) => Promise<void>> = { ready, restarts, logs };

const [command, ...rest] = process.argv.slice(2);
const run = command ? commands[command] : undefined;
if (!run) {
  process.stderr.write(
    `testkit cli: unknown command ${command ?? '(none)'}; one of ${Object.keys(commands).join(', ')}\n`,
  );
  process.exit(2);
}
run(rest).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
