import type { V1Pod } from '@kubernetes/client-node';
import type { LogPodCap, WorkloadLogPod } from '@wheelhouse/shared-types';

/**
 * Which pods of a workload's log view are streamed, and which of their containers have a log to read.
 * Pure: the workload stream (workload-stream.ts) feeds it the informer's pods.
 */

/** The pod as the view shows it: its containers (those asked for) and its phase. */
export function podView(pod: V1Pod, only?: ReadonlySet<string>): WorkloadLogPod {
  return {
    name: pod.metadata?.name ?? '',
    containers: (pod.spec?.containers ?? []).map((c) => c.name).filter((n) => !only || only.has(n)),
    phase: pod.metadata?.deletionTimestamp ? 'Terminating' : (pod.status?.phase ?? 'Pending'),
  };
}

export function sameView(a: WorkloadLogPod, b: WorkloadLogPod): boolean {
  return a.phase === b.phase && a.containers.join('\0') === b.containers.join('\0');
}

/**
 * The containers that have a log now, each with a key of its current instance: a container that is
 * running or has terminated has one; a waiting one (not started, image pulling) has none yet — the
 * apiserver would answer 400 "is waiting to start". A restart makes a new instance (a new log).
 */
export function startedContainers(pod: V1Pod, only?: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  const declared = new Set((pod.spec?.containers ?? []).map((c) => c.name));
  for (const cs of pod.status?.containerStatuses ?? []) {
    if (!declared.has(cs.name) || (only && !only.has(cs.name))) continue;
    const started = cs.state?.running?.startedAt ?? cs.state?.terminated?.startedAt;
    if (!cs.state?.running && !cs.state?.terminated) continue;
    out.set(cs.name, `${cs.restartCount ?? 0}@${started ? new Date(started).toISOString() : ''}`);
  }
  return out;
}

function byAge(a: V1Pod, b: V1Pod): number {
  const ta = a.metadata?.creationTimestamp ? new Date(a.metadata.creationTimestamp).getTime() : 0;
  const tb = b.metadata?.creationTimestamp ? new Date(b.metadata.creationTimestamp).getTime() : 0;
  if (ta !== tb) return ta - tb;
  const na = a.metadata?.name ?? '';
  const nb = b.metadata?.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/**
 * The pods to stream: at most `max`. Pods streamed already stay while they match (a view does not
 * jump between pods); the room left goes to the others, oldest first. `capped` when some wait.
 */
export function pickStreamed(
  streamed: ReadonlySet<string>,
  matched: Iterable<V1Pod>,
  max: number,
): { names: string[]; capped?: LogPodCap } {
  const all = [...matched].sort(byAge);
  const keep = all.filter((p) => streamed.has(p.metadata?.name ?? ''));
  const others = all.filter((p) => !streamed.has(p.metadata?.name ?? ''));
  const chosen = [...keep, ...others].slice(0, max);
  const names = all.filter((p) => chosen.includes(p)).map((p) => p.metadata?.name ?? '');
  return all.length > max ? { names, capped: { total: all.length, max } } : { names };
}
