import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureCluster } from './cluster';

/**
 * The log file KWOK serves for every container of the local cluster (see tools/cluster:
 * `<state>/pod-logs/current.log`, or previous.log for `kubectl logs --previous`), CRI format.
 */
export async function podLogFile(opts: { previous?: boolean } = {}): Promise<string> {
  const { kubeconfigPath } = await ensureCluster();
  return path.join(path.dirname(kubeconfigPath), 'pod-logs', opts.previous ? 'previous.log' : 'current.log');
}

/**
 * Appends one line to the log file KWOK serves for every container of the local cluster (see
 * tools/cluster: `<state>/pod-logs/current.log`, CRI format), so a test can watch it stream through
 * the real pods/log path. Lines are shared by all pods: tests look for their own unique text.
 */
export async function appendPodLog(
  text: string,
  opts: { stream?: 'stdout' | 'stderr'; previous?: boolean } = {},
): Promise<void> {
  const file = await podLogFile(opts);
  const lines = text
    .split('\n')
    .map((l) => `${new Date().toISOString()} ${opts.stream ?? 'stdout'} F ${l}\n`)
    .join('');
  await appendFile(file, lines);
}
