/**
 * The recent past of a rollout, reconstructed from what the cluster still knows when the page
 * opens: the Deployment controller's ScalingReplicaSet Events ("Scaled up replica set api-5d… from
 * 3 to 4", with their first/last timestamps and counts) and the ReplicaSets' creation times and
 * revisions. Events live for an hour by default (kube-apiserver --event-ttl), so a reload mid-rollout
 * shows how the rollout got here. What Events tell is the ReplicaSets' sizes (spec.replicas), not
 * readiness: the timeline draws this past apart from what it watched, and says so. No React, no I/O.
 */
import type { RolloutEvent } from './rollout-events';
import type { RolloutReplicaSet, Sample } from './rollout-view';

/** The deployment controller's wording (deployment/sync.go scaleReplicaSet); `from N` since 1.20. */
const SCALED = /^Scaled (?:up|down) replica set (\S+) (?:from (\d+) )?to (\d+)$/;

/** A ReplicaSet created (a new revision) in the reconstructed window. */
export interface RevisionMark {
  t: number;
  revision: number | undefined;
  name: string;
}

export interface RolloutPast {
  /** Samples before `until`, oldest first: newReady/oldReady hold the ReplicaSets' sizes. */
  samples: Sample[];
  revisions: RevisionMark[];
}

interface Step {
  t: number;
  rs: string;
  from: number | undefined;
  to: number;
}

function stepsOf(events: readonly RolloutEvent[], deployment: string): Step[] {
  const steps: Step[] = [];
  for (const e of events) {
    if (e.reason !== 'ScalingReplicaSet' || e.object !== `deployment/${deployment}`) continue;
    const m = SCALED.exec(e.message);
    if (!m?.[1] || m[3] === undefined) continue;
    const step = { rs: m[1], from: m[2] === undefined ? undefined : Number(m[2]), to: Number(m[3]) };
    // An Event seen more than once kept one message: it happened first and last (the times in
    // between are gone), so it is replayed at both.
    if (e.count > 1 && e.first < e.t) steps.push({ ...step, t: e.first });
    steps.push({ ...step, t: e.t });
  }
  return steps.sort((a, b) => a.t - b.t);
}

/**
 * Replays the scaling steps older than `until` (when the page started watching) and no older than
 * `since`: each step sets one ReplicaSet's size, and a sample records the sizes of the current new
 * ReplicaSet and of all others after it. A ReplicaSet's size before its first step is that step's
 * `from` (0 for one created inside the window). `unavailable` is desired − the sizes' sum, floored
 * at 0: what the pods' count alone says of the budget.
 */
export function reconstructPast({
  deployment,
  desired,
  rows,
  events,
  since,
  until,
}: {
  deployment: string;
  desired: number;
  rows: readonly RolloutReplicaSet[];
  events: readonly RolloutEvent[];
  since: number;
  until: number;
}): RolloutPast {
  const steps = stepsOf(events, deployment).filter((s) => s.t >= since && s.t < until);
  const revisions = rows
    .filter((r) => r.created !== undefined && r.created >= since && r.created < until)
    .map((r) => ({ t: r.created ?? 0, revision: r.revision, name: r.name }))
    .sort((a, b) => a.t - b.t);
  if (steps.length === 0) return { samples: [], revisions };

  const newName = rows.find((r) => r.isNew)?.name;
  const size = new Map<string, number>();
  for (const s of steps) {
    if (size.has(s.rs)) continue;
    const created = rows.find((r) => r.name === s.rs)?.created;
    size.set(s.rs, s.from ?? (created !== undefined && created >= since ? 0 : s.to));
  }
  const sample = (t: number): Sample => {
    let newReady = 0;
    let oldReady = 0;
    for (const [rs, n] of size) {
      if (rs === newName) newReady += n;
      else oldReady += n;
    }
    return { t, newReady, oldReady, unavailable: Math.max(0, desired - newReady - oldReady) };
  };

  const first = steps[0] as Step;
  // The sizes before the first step hold from the creation of that step's ReplicaSet when it was
  // created inside the window (a new revision); otherwise their start is unknown.
  const created = rows.find((r) => r.name === first.rs)?.created;
  const samples: Sample[] = [
    sample(created !== undefined && created >= since && created < first.t ? created : first.t),
  ];
  for (const s of steps) {
    size.set(s.rs, s.to);
    const next = sample(s.t);
    const last = samples[samples.length - 1];
    // Steps of the same second (a scale-up and the matching scale-down) become one sample.
    if (last !== undefined && last.t === next.t) samples[samples.length - 1] = next;
    else samples.push(next);
  }
  return { samples, revisions };
}
