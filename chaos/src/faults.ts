/**
 * The faults, run at their scheduled offsets and overlapping one another (one of a kind at a time):
 * each acts through the same door an operator's bad day would — a signal to a PID the private
 * cluster recorded, `tools/cluster/cluster start|compact`, the BFF's process, the proxy.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@wheelhouse/testkit';
import type { ChaosBff } from './bff';
import { burst } from './churn';
import type { Kube } from './kube';
import type { FaultProxy } from './proxy';
import type { FaultType, ScheduledFault } from './schedule';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `tools/cluster/cluster ARGS` on the instance WHEELHOUSE_CLUSTER names (set by scripts/chaos.sh). */
export async function cluster(...args: string[]): Promise<string> {
  const { stdout } = await run(path.join(repoRoot(), 'tools/cluster/cluster'), args, { timeout: 180_000 });
  return stdout.trim();
}

export async function clusterKubeconfig(): Promise<string> {
  return (await cluster('env')).replace(/^export KUBECONFIG=/, '');
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * kube-apiserver killed with SIGKILL (no graceful shutdown: its watches end with a reset), down for
 * holdMs, then started with the arguments `up` recorded; resolves when /readyz says ok (the time
 * returned), as `cluster start` waits for it.
 */
export async function killApiserver(stateDir: string, holdMs: number, k: Kube): Promise<number> {
  const pid = Number(readFileSync(path.join(stateDir, 'pids/kube-apiserver.pid'), 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 1) throw new Error(`no kube-apiserver PID in ${stateDir}`);
  process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 100 && alive(pid); i++) await sleep(100);
  await sleep(holdMs);
  try {
    await cluster('start', 'kube-apiserver');
  } catch (err) {
    // `start` gives up on /readyz after 120 s; on a machine shared by several clusters the
    // apiserver has needed longer. It was started: wait (bounded) until it answers a LIST.
    for (let i = 0; ; i++) {
      if (
        await k.core.listNamespace({ limit: 1 }).then(
          () => true,
          () => false,
        )
      )
        break;
      if (i >= 180) throw err;
      await sleep(1_000);
    }
  }
  return Date.now();
}

export interface FaultRecord extends ScheduledFault {
  startedAtMs: number;
  endedAtMs: number;
  ok: boolean;
  note: string;
}

export interface FaultDeps {
  k: Kube;
  stateDir: string;
  bff: ChaosBff;
  proxy: FaultProxy;
  slowProxy: FaultProxy;
}

async function act(f: ScheduledFault, d: FaultDeps): Promise<string> {
  switch (f.type) {
    case 'apiserver-kill': {
      const t = Date.now();
      const ready = await killApiserver(d.stateDir, f.holdMs, d.k);
      return `down ${f.holdMs} ms before the restart, /readyz ok ${ready - t} ms after the kill`;
    }
    case 'etcd-compact':
      return `compacted at revision ${await cluster('compact')}`;
    case 'bff-kill':
      await d.bff.kill();
      await sleep(f.holdMs);
      await d.bff.start();
      return `down ${f.holdMs} ms, started again on :${d.bff.port}`;
    case 'proxy-cut': {
      const before = d.proxy.stats().open;
      d.proxy.cut(f.holdMs);
      await sleep(f.holdMs);
      return `${before} connections cut, new ones refused for ${f.holdMs} ms`;
    }
    case 'proxy-delay':
      d.proxy.delay(f.delayMs ?? 500, f.holdMs);
      await sleep(f.holdMs);
      return `+${f.delayMs} ms per chunk for ${f.holdMs} ms`;
    case 'slow-consumer':
      await d.slowProxy.stall(f.holdMs);
      return `stopped reading for ${f.holdMs} ms`;
    case 'burst': {
      const b = await burst(d.k, 'chaos-a', String(f.atMs));
      return `${b.sent} changes in ${b.ms} ms (${b.failed} failed)`;
    }
  }
}

/**
 * Runs every fault at its offset from `t0`; faults of one kind queue behind each other, different
 * kinds overlap. Resolves when all have ended.
 */
export async function runSchedule(
  schedule: ScheduledFault[],
  t0: number,
  d: FaultDeps,
  log: (s: string) => void,
): Promise<FaultRecord[]> {
  const lanes = new Map<FaultType, Promise<unknown>>();
  const records: FaultRecord[] = [];
  const all = schedule.map(async (f) => {
    await sleep(Math.max(0, t0 + f.atMs - Date.now()));
    const lane = lanes.get(f.type) ?? Promise.resolve();
    const mine = lane.then(async () => {
      const startedAtMs = Date.now() - t0;
      let ok = true;
      let note: string;
      try {
        note = await act(f, d);
      } catch (err) {
        ok = false;
        note = (err as Error).message.split('\n')[0] ?? 'failed';
      }
      const rec: FaultRecord = { ...f, startedAtMs, endedAtMs: Date.now() - t0, ok, note };
      records.push(rec);
      log(`fault ${f.type} at ${(startedAtMs / 1000).toFixed(1)} s: ${ok ? '' : 'FAILED '}${note}`);
    });
    lanes.set(f.type, mine);
    await mine;
  });
  await Promise.all(all);
  return records.sort((a, b) => a.startedAtMs - b.startedAtMs);
}
