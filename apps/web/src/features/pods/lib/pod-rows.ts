import type { V1Pod } from '@kubernetes/client-node';
import { podStatus, toDate } from '@wheelhouse/core';
import type { LiveRow } from '../../../components/live-table/types';

/** One line of `kubectl get pods -o wide`, computed once per object version. */
export interface PodRow extends LiveRow {
  ready: string;
  status: string;
  restarts: number;
  /** epoch ms of the last restart, when known. */
  lastRestart: number | undefined;
  /** epoch ms of metadata.creationTimestamp. */
  created: number | undefined;
  ip: string;
  node: string;
}

const NONE = '<none>';
const rows = new WeakMap<V1Pod, PodRow>();

/** The row for a pod. Objects are immutable in the cache, so the row is memoised per object. */
export function podRow(pod: V1Pod): PodRow {
  const cached = rows.get(pod);
  if (cached !== undefined) return cached;
  const meta = pod.metadata;
  const summary = podStatus(pod);
  const name = meta?.name ?? '';
  const namespace = meta?.namespace ?? '';
  const ip = pod.status?.podIP || NONE;
  const node = pod.spec?.nodeName || NONE;
  const row: PodRow = {
    uid: meta?.uid ?? `${namespace}/${name}`,
    name,
    namespace,
    version: meta?.resourceVersion ?? '',
    ready: summary.ready,
    status: summary.status,
    restarts: summary.restarts,
    lastRestart: summary.lastRestart?.getTime(),
    created: toDate(meta?.creationTimestamp)?.getTime(),
    ip,
    node,
    search: [name, namespace, summary.status, ip, node].join(' ').toLowerCase(),
  };
  rows.set(pod, row);
  return row;
}

export type StatusTone = 'ok' | 'progress' | 'done' | 'error';

const PROGRESS = new Set([
  'Pending',
  'ContainerCreating',
  'PodInitializing',
  'SchedulingGated',
  'Terminating',
  'NotReady',
]);
const DONE = new Set(['Completed', 'Succeeded']);

/**
 * How a STATUS reads at a glance: Running is fine; pending, creating, initialising and
 * terminating are on their way; finished pods are done; anything else (CrashLoopBackOff,
 * ImagePullBackOff, Error, OOMKilled, ExitCode:1, Evicted, Unknown, …) is a problem.
 */
export function statusTone(status: string): StatusTone {
  if (status === 'Running') return 'ok';
  if (DONE.has(status)) return 'done';
  if (PROGRESS.has(status) || /^Init:\d+\/\d+$/.test(status)) return 'progress';
  return 'error';
}
