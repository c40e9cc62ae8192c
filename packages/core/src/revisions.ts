/**
 * A Deployment's revision history and what `kubectl rollout undo` does with it: which ReplicaSets hold the
 * revisions, which one "previous" means, the template and annotations an undo writes back, and when it is
 * skipped. Mirrors k8s.io/kubectl/pkg/polymorphichelpers/rollback.go (DeploymentRollbacker) and
 * k8s.io/kubectl/pkg/polymorphichelpers/history.go (DeploymentHistoryViewer), which read the revisions
 * the deployment controller writes (pkg/controller/deployment/sync.go, deploymentutil.SetNewReplicaSetAnnotations).
 */
import type { V1Deployment, V1PodTemplateSpec, V1ReplicaSet } from '@kubernetes/client-node';

/** Annotation carrying a Deployment's or ReplicaSet's revision number (deploymentutil.RevisionAnnotation). */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
/** Label the Deployment controller adds to each ReplicaSet's pods (appsv1.DefaultDeploymentUniqueLabelKey). */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';
/** What `kubectl set image --record` and `kubectl annotate` record; shown by `kubectl rollout history`. */
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
/** The pod-template annotation `kubectl rollout restart` sets (a new value rolls every pod). */
export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';

/**
 * Deployment annotations an undo keeps from the Deployment rather than copying from the ReplicaSet
 * (rollback.go `annotationsToSkip`): the last-applied configuration, the controller's revision
 * bookkeeping and the deprecated rollback request.
 */
export const ANNOTATIONS_KEPT_ON_UNDO: ReadonlySet<string> = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

/**
 * The revision of a ReplicaSet (or Deployment) from its `deployment.kubernetes.io/revision` annotation;
 * `undefined` when the annotation is missing or not an integer.
 */
export function revisionOf(rs: V1ReplicaSet | V1Deployment): number | undefined {
  const text = rs.metadata?.annotations?.[REVISION_ANNOTATION];
  if (text === undefined || !/^[+-]?[0-9]+$/.test(text)) return undefined;
  const revision = Number(text);
  return Number.isSafeInteger(revision) ? revision : undefined;
}

function deepCopy<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map((item) => deepCopy(item)) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = deepCopy(item);
    return copy as T;
  }
  return value;
}

/**
 * The pod template `kubectl rollout undo --to-revision` writes back into the Deployment: the ReplicaSet's
 * spec.template without the `pod-template-hash` label the controller added (rollback.go deletes it before
 * patching). Returns a copy; the ReplicaSet is not modified.
 */
export function templateForRollback(rs: V1ReplicaSet): V1PodTemplateSpec {
  const template = deepCopy(rs.spec?.template ?? {});
  const labels = template.metadata?.labels;
  if (labels) delete labels[POD_TEMPLATE_HASH_LABEL];
  return template;
}

/**
 * The ReplicaSets that belong to a Deployment: those whose controller ownerReference is the Deployment's
 * UID (metav1.IsControlledBy, as deploymentutil.ListReplicaSets filters what the selector matched).
 * Pass the ReplicaSets its selector matched; the order is kept.
 */
export function replicaSetsOf(d: V1Deployment, replicaSets: readonly V1ReplicaSet[]): V1ReplicaSet[] {
  const uid = d.metadata?.uid;
  if (!uid) return [];
  return replicaSets.filter((rs) =>
    (rs.metadata?.ownerReferences ?? []).some((o) => o.controller === true && o.uid === uid),
  );
}

/** Field order does not matter (JSON of the same object from Go and from JS may differ in order). */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)))
      : v,
  );
}

/**
 * Whether two pod templates are the same but for the `pod-template-hash` label (rollback.go
 * `equalIgnoreHash`: the Deployment's template has no hash label, its ReplicaSets' do).
 */
export function templatesEqualIgnoringHash(a: V1PodTemplateSpec, b: V1PodTemplateSpec): boolean {
  const strip = (t: V1PodTemplateSpec) => templateForRollback({ spec: { selector: {}, template: t } });
  return stableJson(strip(a)) === stableJson(strip(b));
}

/**
 * The Deployment's annotations after an undo to `rs` (rollback.go): those in ANNOTATIONS_KEPT_ON_UNDO
 * stay as the Deployment has them, every other annotation is the ReplicaSet's (so the change-cause of the
 * revision comes back, and annotations the Deployment gained since are dropped).
 */
export function annotationsAfterUndo(d: V1Deployment, rs: V1ReplicaSet): Record<string, string> {
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) {
    if (ANNOTATIONS_KEPT_ON_UNDO.has(k)) annotations[k] = v;
  }
  for (const [k, v] of Object.entries(rs.metadata?.annotations ?? {})) {
    if (!ANNOTATIONS_KEPT_ON_UNDO.has(k)) annotations[k] = v;
  }
  return annotations;
}

/** The ReplicaSet an undo goes back to, or why there is none. */
export type RollbackTarget =
  | { found: true; replicaSet: V1ReplicaSet; revision: number }
  /** `toRevision` omitted or 0, and fewer than two revisions exist. */
  | { found: false; previous: true; revisions: number[] }
  /** No ReplicaSet holds `toRevision`. */
  | { found: false; previous: false; toRevision: number; revisions: number[] };

/**
 * Which ReplicaSet `kubectl rollout undo [--to-revision=N]` restores (rollback.go `deploymentRevision`):
 * N when given (and not 0); otherwise "previous", the second-highest revision among the Deployment's
 * ReplicaSets — not the one before the current in time, so after an undo to 1 (which becomes revision 4)
 * the previous revision is 3. ReplicaSets without a readable revision are ignored (kubectl reads a missing
 * annotation as revision 0, but the controller annotates every ReplicaSet it creates). `revisions` lists
 * the revisions that exist, ascending, for the message.
 */
export function rollbackTarget(replicaSets: readonly V1ReplicaSet[], toRevision?: number): RollbackTarget {
  const withRevision = replicaSets
    .map((replicaSet) => ({ replicaSet, revision: revisionOf(replicaSet) }))
    .filter((x): x is { replicaSet: V1ReplicaSet; revision: number } => x.revision !== undefined);
  const revisions = withRevision.map((x) => x.revision).sort((a, b) => a - b);
  if (toRevision === undefined || toRevision === 0) {
    const previous = [...withRevision].sort((a, b) => b.revision - a.revision)[1];
    return previous ? { found: true, ...previous } : { found: false, previous: true, revisions };
  }
  const chosen = withRevision.find((x) => x.revision === toRevision);
  return chosen ? { found: true, ...chosen } : { found: false, previous: false, toRevision, revisions };
}

/** What an undo does to a Deployment, decided from the Deployment and its ReplicaSets. */
export type UndoPlan =
  | Exclude<RollbackTarget, { found: true }>
  /** The template already is the target's: nothing to write (kubectl: "skipped rollback (…)"). */
  | { found: true; skip: true; revision: number; message: string }
  /** Replace spec.template and metadata.annotations with these. */
  | {
      found: true;
      skip: false;
      revision: number;
      template: V1PodTemplateSpec;
      annotations: Record<string, string>;
    };

/**
 * `kubectl rollout undo`, without the I/O: the target revision, then either a skip (the Deployment's
 * template already matches it) or the template and annotations to write. The caller refuses a paused
 * Deployment first, as kubectl does.
 */
export function planUndo(
  d: V1Deployment,
  replicaSets: readonly V1ReplicaSet[],
  toRevision?: number,
): UndoPlan {
  const target = rollbackTarget(replicaSets, toRevision);
  if (!target.found) return target;
  const { replicaSet, revision } = target;
  if (d.spec?.template && templatesEqualIgnoringHash(replicaSet.spec?.template ?? {}, d.spec.template)) {
    return {
      found: true,
      skip: true,
      revision,
      message: `skipped rollback (current template already matches revision ${revision})`,
    };
  }
  return {
    found: true,
    skip: false,
    revision,
    template: templateForRollback(replicaSet),
    annotations: annotationsAfterUndo(d, replicaSet),
  };
}

/** One revision of a Deployment as `kubectl rollout history` lists it, from one ReplicaSet. */
export interface Revision {
  revision: number;
  /** The ReplicaSet that holds it. */
  replicaSet: string;
  changeCause?: string;
  /** Images of the template, init containers first. */
  images: string[];
  /** The template an undo to this revision would write back. */
  template: V1PodTemplateSpec;
  /** RFC 3339, when the ReplicaSet has a creationTimestamp. */
  createdAt?: string;
  /** Pods the ReplicaSet currently wants. */
  replicas: number;
  /** The Deployment is on this revision. */
  current: boolean;
}

/** Images of a pod template, init containers first. */
export function imagesOf(template: V1PodTemplateSpec | undefined): string[] {
  const spec = template?.spec;
  return [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])].map((c) => c.image ?? '');
}

/**
 * The revision history of a Deployment from its ReplicaSets, oldest first, as `kubectl rollout history`
 * (history.go: one row per ReplicaSet with a revision, CHANGE-CAUSE from its annotation). Pass the
 * Deployment's own ReplicaSets (replicaSetsOf).
 */
export function revisionHistory(d: V1Deployment, replicaSets: readonly V1ReplicaSet[]): Revision[] {
  const current = revisionOf(d);
  const revisions: Revision[] = [];
  for (const rs of replicaSets) {
    const revision = revisionOf(rs);
    if (revision === undefined) continue;
    const changeCause = rs.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION];
    const created = rs.metadata?.creationTimestamp;
    revisions.push({
      revision,
      replicaSet: rs.metadata?.name ?? '',
      ...(changeCause ? { changeCause } : {}),
      images: imagesOf(rs.spec?.template),
      template: templateForRollback(rs),
      ...(created ? { createdAt: new Date(created).toISOString() } : {}),
      replicas: rs.spec?.replicas ?? 0,
      current: revision === current,
    });
  }
  return revisions.sort((a, b) => a.revision - b.revision);
}
