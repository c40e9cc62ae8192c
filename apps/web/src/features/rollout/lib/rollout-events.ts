/**
 * The Events of a rollout as `kubectl describe deploy` would list them, for the cockpit: the
 * Deployment's, its ReplicaSets' and their Pods', grouped, newest first, with kubectl's ages.
 * No React, no I/O.
 */
import type { CoreV1Event, V1Deployment, V1Pod } from '@kubernetes/client-node';
import { humanDuration, toDate } from '@wheelhouse/core';
import type { RolloutReplicaSet } from './rollout-view';

/** One Event (or several alike) about the Deployment, one of its ReplicaSets or one of their Pods. */
export interface RolloutEvent {
  uid: string;
  /** When it last happened (epoch ms): its place in the list and on the timeline. */
  t: number;
  /** When it first happened (epoch ms). */
  first: number;
  type: string;
  reason: string;
  /** `deployment/api`, `replicaset/api-5d…`, `pod/api-5d…-x7k`. */
  object: string;
  /** The component that reported it (kubectl describe's FROM). */
  from: string;
  message: string;
  count: number;
}

type When = Date | string | undefined;
const ms = (value: unknown): number | undefined => toDate(value as When)?.getTime();

/**
 * The Events of a rollout (what `kubectl describe deploy` and `kubectl get events` would show for
 * the Deployment, its ReplicaSets and their Pods — FailedCreate, quota, image pulls, probes), newest
 * first. Matches by involvedObject kind + name (+ uid when the Event has one). Events alike (same
 * type, reason, object, source and message: a series the apiserver split into several objects, or
 * one recreated after its TTL) are one entry whose count adds up, as kubectl's deduplication would.
 */
export function rolloutEvents(
  events: Iterable<CoreV1Event>,
  d: V1Deployment,
  rows: readonly RolloutReplicaSet[],
  pods: readonly V1Pod[],
): RolloutEvent[] {
  const wanted = new Map<string, string | undefined>();
  wanted.set(`Deployment/${d.metadata?.name}`, d.metadata?.uid);
  for (const r of rows) wanted.set(`ReplicaSet/${r.name}`, r.uid);
  for (const p of pods) wanted.set(`Pod/${p.metadata?.name}`, p.metadata?.uid);
  const grouped = new Map<string, RolloutEvent>();
  for (const e of events) {
    const o = e.involvedObject;
    const key = `${o?.kind}/${o?.name}`;
    if (!wanted.has(key)) continue;
    const uid = wanted.get(key);
    if (uid && o?.uid && o.uid !== uid) continue;
    const one = fromEvent(e, key);
    const alike = `${one.type}\u0000${one.reason}\u0000${one.object}\u0000${one.from}\u0000${one.message}`;
    const seen = grouped.get(alike);
    grouped.set(
      alike,
      seen === undefined
        ? one
        : {
            ...(one.t >= seen.t ? one : seen),
            first: Math.min(seen.first, one.first),
            t: Math.max(seen.t, one.t),
            count: seen.count + one.count,
          },
    );
  }
  return [...grouped.values()].sort((a, b) => b.t - a.t || a.object.localeCompare(b.object));
}

/**
 * One Event's times and count as kubectl describe reads them: an events.k8s.io series
 * (series.count, series.lastObservedTime) wins over the core/v1 count and lastTimestamp; eventTime
 * stands in when firstTimestamp is unset (events written through events.k8s.io).
 */
function fromEvent(e: CoreV1Event, key: string): RolloutEvent {
  const created = ms(e.metadata?.creationTimestamp);
  const first = ms(e.firstTimestamp) ?? ms(e.eventTime) ?? ms(e.lastTimestamp) ?? created ?? 0;
  const last = ms(e.series?.lastObservedTime) ?? ms(e.lastTimestamp) ?? ms(e.eventTime) ?? first;
  return {
    uid: e.metadata?.uid ?? `${key}/${e.reason}/${first}`,
    t: Math.max(last, first),
    first,
    type: e.type ?? 'Normal',
    reason: e.reason ?? '',
    object: key.toLowerCase(),
    from: e.source?.component || e.reportingComponent || '',
    message: e.message ?? '',
    count: e.series?.count ?? e.count ?? 1,
  };
}

/**
 * kubectl describe's AGE of an Event: `45s` for one, `2m (x3 over 5m)` for a repeated one (the age
 * of the last occurrence, the count, the age of the first — kubectl's describe.go DescribeEvents).
 */
export function eventAge(e: Pick<RolloutEvent, 't' | 'first' | 'count'>, now: number): string {
  const age = (t: number) => humanDuration(Math.max(0, now - t));
  return e.count > 1 ? `${age(e.t)} (x${e.count} over ${age(e.first)})` : age(e.first);
}

/** How many Events the cockpit lists before "show all": the rest of the page stays in reach. */
export const EVENTS_SHOWN = 8;
