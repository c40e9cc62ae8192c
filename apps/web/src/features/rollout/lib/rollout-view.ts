/**
 * Pure views of a Deployment's rollout for the cockpit: its ReplicaSets split into new and old, the
 * progress, the progress deadline, and samples for the timeline. No React, no I/O.
 */
import type { V1Deployment, V1DeploymentCondition, V1ReplicaSet } from '@kubernetes/client-node';
import { PROGRESS_DEADLINE_EXCEEDED, revisionOf, toDate } from '@wheelhouse/core';
import { type ReplicaSetRow, replicaSetRow } from '../../../lib/kubectl/rows';

/** A ReplicaSet of the Deployment; `isNew`: it carries the Deployment's current revision. */
export interface RolloutReplicaSet extends ReplicaSetRow {
  isNew: boolean;
}

/** ReplicaSets controlled by the Deployment, the new one first, then older revisions, newest first. */
export function replicaSetRows(d: V1Deployment, sets: Iterable<V1ReplicaSet>): RolloutReplicaSet[] {
  const uid = d.metadata?.uid;
  const current = revisionOf(d);
  const rows: RolloutReplicaSet[] = [];
  for (const rs of sets) {
    if (!(rs.metadata?.ownerReferences ?? []).some((o) => o.controller === true && o.uid === uid)) continue;
    const row = replicaSetRow(rs);
    rows.push({ ...row, isNew: row.revision !== undefined && row.revision === current });
  }
  return rows.sort((a, b) => Number(b.isNew) - Number(a.isNew) || (b.revision ?? 0) - (a.revision ?? 0));
}

export interface Progress {
  /** Available pods of the new ReplicaSet. */
  available: number;
  desired: number;
  /** 0..1 */
  fraction: number;
}

export function progressOf(d: V1Deployment, rows: readonly RolloutReplicaSet[]): Progress {
  const desired = d.spec?.replicas ?? 1;
  const available = Math.min(rows.find((r) => r.isNew)?.available ?? 0, desired);
  return { available, desired, fraction: desired === 0 ? 1 : available / desired };
}

export function condition(d: V1Deployment, type: string): V1DeploymentCondition | undefined {
  return d.status?.conditions?.find((c) => c.type === type);
}

/** Progressing reason once the new ReplicaSet is available (deploymentutil.NewRSAvailableReason). */
export const NEW_RS_AVAILABLE = 'NewReplicaSetAvailable';

export type Deadline =
  | { state: 'none' }
  | { state: 'paused' }
  | { state: 'complete' }
  | { state: 'exceeded'; since: number | undefined }
  | { state: 'counting'; deadline: number; secondsLeft: number; since: number };

/**
 * The progress deadline as the Deployment controller keeps it: progressDeadlineSeconds after the
 * Progressing condition last changed (lastUpdateTime moves whenever the rollout makes progress;
 * deploymentutil.DeploymentTimedOut compares it with the controller's clock). `since` is that
 * lastUpdateTime. The time left is capped at the deadline: the condition's time has whole seconds
 * and the apiserver's clock may run ahead of the browser's, so right after `kubectl set image` the
 * raw difference can read 601s of 600s.
 */
export function deadlineOf(d: V1Deployment, done: boolean, now: number): Deadline {
  const progressing = condition(d, 'Progressing');
  if (progressing?.reason === PROGRESS_DEADLINE_EXCEEDED) {
    return { state: 'exceeded', since: toDate(progressing.lastTransitionTime)?.getTime() };
  }
  if (d.spec?.paused) return { state: 'paused' };
  // Once the new ReplicaSet was available the controller stops timing the rollout
  // (deploymentutil.DeploymentTimedOut), even if pods become unavailable again later.
  if (done || progressing?.reason === NEW_RS_AVAILABLE) return { state: 'complete' };
  const seconds = d.spec?.progressDeadlineSeconds;
  const last = toDate(progressing?.lastUpdateTime)?.getTime();
  if (seconds === undefined || last === undefined) return { state: 'none' };
  const deadline = last + seconds * 1000;
  const secondsLeft = Math.min(seconds, Math.max(0, Math.ceil((deadline - now) / 1000)));
  return { state: 'counting', deadline, secondsLeft, since: last };
}

/** One point of the timeline: pod counts at time `t` (epoch ms). */
export interface Sample {
  t: number;
  newReady: number;
  oldReady: number;
  /**
   * desired − available: what maxUnavailable bounds. Not status.unavailableReplicas, which the
   * controller computes from all pods (surge included) − available, so a maxUnavailable 0 rollout
   * would read 1 while its surge pod starts.
   */
  unavailable: number;
}

export function sampleOf(d: V1Deployment, rows: readonly RolloutReplicaSet[], t: number): Sample {
  let newReady = 0;
  let oldReady = 0;
  for (const r of rows) {
    if (r.isNew) newReady += r.ready;
    else oldReady += r.ready;
  }
  const desired = d.spec?.replicas ?? 1;
  return { t, newReady, oldReady, unavailable: Math.max(0, desired - (d.status?.availableReplicas ?? 0)) };
}

export const MAX_SAMPLES = 2_000;

/** Adds a sample when a count changed (the timeline draws steps, so unchanged samples add nothing). */
export function appendSample(samples: readonly Sample[], s: Sample): readonly Sample[] {
  const last = samples[samples.length - 1];
  if (
    last !== undefined &&
    last.newReady === s.newReady &&
    last.oldReady === s.oldReady &&
    last.unavailable === s.unavailable
  ) {
    return samples;
  }
  const next = [...samples, s];
  return next.length > MAX_SAMPLES ? next.slice(next.length - MAX_SAMPLES) : next;
}

/** "api=registry/api:2, sidecar=envoy:1" for the containers of the Deployment's template. */
export function containerImages(d: V1Deployment): Array<{ name: string; image: string }> {
  return (d.spec?.template?.spec?.containers ?? []).map((c) => ({ name: c.name, image: c.image ?? '' }));
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The resourceVersion to send with a write the user decided on while looking at `seen`. During a
 * rollout the controller rewrites the status every few seconds, and each write moves the
 * resourceVersion: if only the status moved (same generation, labels and annotations), the user's
 * decision still stands and the newest resourceVersion is sent. Anything else the user did not see
 * sends `seen`'s, so the apiserver answers 409 instead of letting the write go over it.
 */
export function resourceVersionFor(seen: V1Deployment, live: V1Deployment | undefined): string {
  const seenVersion = seen.metadata?.resourceVersion ?? '';
  if (live === undefined || live.metadata?.uid !== seen.metadata?.uid) return seenVersion;
  const same =
    live.metadata?.generation === seen.metadata?.generation &&
    sameJson(live.metadata?.labels, seen.metadata?.labels) &&
    sameJson(live.metadata?.annotations, seen.metadata?.annotations) &&
    live.metadata?.deletionTimestamp === seen.metadata?.deletionTimestamp;
  return same ? (live.metadata?.resourceVersion ?? seenVersion) : seenVersion;
}
