/**
 * Deployment rollouts: `kubectl rollout status` messages and the rolling-update budget. Revisions and
 * `kubectl rollout undo` are in revisions.ts.
 */
import type { IntOrString, V1Deployment } from '@kubernetes/client-node';

export interface RolloutStatus {
  /** The rollout finished: `kubectl rollout status` would exit 0. */
  done: boolean;
  /** The rollout exceeded its progress deadline: `kubectl rollout status` would exit with an error. */
  failed: boolean;
  /** The line kubectl prints (without the trailing newline, and without kubectl's "error: " prefix). */
  message: string;
}

/** Reason on the Progressing condition once progressDeadlineSeconds passed (deploymentutil.TimedOutReason). */
export const PROGRESS_DEADLINE_EXCEEDED = 'ProgressDeadlineExceeded';

/**
 * The status line of `kubectl rollout status deployment/NAME`, as DeploymentStatusViewer.Status in
 * k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go computes it (checks in this order):
 *
 * 1. metadata.generation > status.observedGeneration: the controller has not seen the latest spec yet.
 * 2. Progressing condition with reason ProgressDeadlineExceeded: failed.
 * 3. status.updatedReplicas < spec.replicas: new pods still being created.
 * 4. status.replicas > status.updatedReplicas: old pods still being removed.
 * 5. status.availableReplicas < status.updatedReplicas: new pods not yet available.
 * 6. Otherwise done.
 */
export function rolloutStatus(d: V1Deployment): RolloutStatus {
  const name = JSON.stringify(d.metadata?.name ?? '');
  const generation = d.metadata?.generation ?? 0;
  const status = d.status ?? {};
  const waiting = (message: string): RolloutStatus => ({ done: false, failed: false, message });

  if (generation > (status.observedGeneration ?? 0)) {
    return waiting('Waiting for deployment spec update to be observed...');
  }
  const progressing = status.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === PROGRESS_DEADLINE_EXCEEDED) {
    return { done: false, failed: true, message: `deployment ${name} exceeded its progress deadline` };
  }
  const replicas = status.replicas ?? 0;
  const updated = status.updatedReplicas ?? 0;
  const available = status.availableReplicas ?? 0;
  const desired = d.spec?.replicas;
  if (desired !== undefined && desired !== null && updated < desired) {
    return waiting(
      `Waiting for deployment ${name} rollout to finish: ${updated} out of ${desired} new replicas have been updated...`,
    );
  }
  if (replicas > updated) {
    return waiting(
      `Waiting for deployment ${name} rollout to finish: ${replicas - updated} old replicas are pending termination...`,
    );
  }
  if (available < updated) {
    return waiting(
      `Waiting for deployment ${name} rollout to finish: ${available} of ${updated} updated replicas are available...`,
    );
  }
  return { done: true, failed: false, message: `deployment ${name} successfully rolled out` };
}

export interface RollingUpdateBudget {
  /** How many pods above spec.replicas may exist during the rollout. */
  maxSurge: number;
  /** How many of spec.replicas may be unavailable during the rollout. */
  maxUnavailable: number;
}

/** The API server's default for both maxSurge and maxUnavailable (SetDefaults_Deployment). */
const DEFAULT_ROLLING_UPDATE_VALUE = '25%';

/**
 * intstr.GetScaledValueFromIntOrPercent: an integer is taken as is; "N%" is N percent of `total`, rounded up
 * or down (with Go's float64 arithmetic, reproduced exactly by JS numbers). Other strings are invalid.
 */
function scaledValue(value: IntOrString, total: number, roundUp: boolean, field: string): number {
  if (typeof value === 'number') return Math.trunc(value);
  const match = /^([+-]?[0-9]+)%$/.exec(value);
  if (!match)
    throw new Error(`invalid value for ${field}: ${JSON.stringify(value)} is not an integer or a percentage`);
  const percent = Number(match[1]);
  const scaled = (percent * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/**
 * The resolved maxSurge and maxUnavailable of a Deployment, as ResolveFenceposts in
 * pkg/controller/deployment/util/deployment_util.go: percentages are of spec.replicas (default 1), maxSurge
 * rounds up and maxUnavailable rounds down, and if both come out 0 maxUnavailable becomes 1 so the rollout
 * can make progress. Unset values take the API defaults (25% each), since objects read from the API server
 * always have them. Like ResolveFenceposts (and unlike deploymentutil.MaxUnavailable) the result is not
 * clamped to spec.replicas.
 *
 * Recreate strategy: returns `{ maxSurge: 0, maxUnavailable: spec.replicas }`, describing what Recreate does
 * (every old pod is stopped before any new one starts). Note deploymentutil.MaxSurge/MaxUnavailable return
 * 0 and 0 for Recreate; that is a controller-internal convention, not the pod budget a user experiences.
 * @throws Error when maxSurge or maxUnavailable is a string that is not "N%".
 */
export function resolveRollingUpdate(d: V1Deployment): RollingUpdateBudget {
  const replicas = d.spec?.replicas ?? 1;
  if (d.spec?.strategy?.type === 'Recreate') return { maxSurge: 0, maxUnavailable: replicas };
  const rollingUpdate = d.spec?.strategy?.rollingUpdate;
  const surgeValue = rollingUpdate?.maxSurge ?? DEFAULT_ROLLING_UPDATE_VALUE;
  const unavailableValue = rollingUpdate?.maxUnavailable ?? DEFAULT_ROLLING_UPDATE_VALUE;
  const maxSurge = scaledValue(surgeValue, replicas, true, 'maxSurge');
  let maxUnavailable = scaledValue(unavailableValue, replicas, false, 'maxUnavailable');
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}
