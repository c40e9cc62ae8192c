/**
 * Shape pod status the way a kubelet would. KWOK runs no containers: it moves a pod from Pending to Running
 * and then leaves its status alone, so these patches stick. Both helpers refuse pods that are not Running
 * (KWOK would overwrite the patch when it starts them).
 */
import {
  ApiException,
  CoreV1Api,
  type KubeConfig,
  PatchStrategy,
  setHeaderOptions,
  type V1ContainerStatus,
  type V1Pod,
  type V1PodCondition,
} from '@kubernetes/client-node';

const STRATEGIC_MERGE = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);
const CONFLICT_RETRIES = 5;

/**
 * Reads the pod, builds a status patch from it and applies it as a strategic-merge patch on the status
 * subresource. The patch carries the resourceVersion it was built from, so a concurrent change (KWOK, the
 * controllers) makes it fail with 409 and it is rebuilt; bounded to a few attempts.
 */
async function patchPodStatus(
  kc: KubeConfig,
  namespace: string,
  name: string,
  build: (pod: V1Pod) => Record<string, unknown>,
): Promise<V1Pod> {
  const core = kc.makeApiClient(CoreV1Api);
  for (let attempt = 1; ; attempt++) {
    const pod = await core.readNamespacedPod({ name, namespace });
    if (pod.status?.phase !== 'Running') {
      throw new Error(
        `pod ${namespace}/${name} is ${pod.status?.phase ?? 'without a phase'}, not Running: KWOK would overwrite a ` +
          'status patch made now; wait for Running first',
      );
    }
    const body = { metadata: { resourceVersion: pod.metadata?.resourceVersion }, status: build(pod) };
    try {
      return await core.patchNamespacedPodStatus({ name, namespace, body }, STRATEGIC_MERGE);
    } catch (error) {
      if (error instanceof ApiException && error.code === 409 && attempt < CONFLICT_RETRIES) continue;
      throw error;
    }
  }
}

/** The list has no merge key, so a status patch replaces it whole: always send complete entries. */
function containerStatuses(pod: V1Pod, what: string): V1ContainerStatus[] {
  const statuses = pod.status?.containerStatuses ?? [];
  if (statuses.length === 0) throw new Error(`pod ${pod.metadata?.name} has no containerStatuses to ${what}`);
  return statuses;
}

function condition(pod: V1Pod, type: string): V1PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === type);
}

/**
 * Sets the pod's Ready and ContainersReady conditions and every containerStatuses[].ready to `ready`, as a
 * failing (or recovering) readiness probe would; the EndpointSlice controller then marks the pod's endpoints
 * ready/not ready. `reason` defaults to "ReadinessProbeFailed" when not ready; a ready pod carries no reason.
 * `message` (not ready only) defaults to "Readiness probe failed: <reason>".
 * Restart counts, last states and the other conditions are kept.
 */
export async function flipReadiness(
  kc: KubeConfig,
  namespace: string,
  podName: string,
  ready: boolean,
  reason?: string,
  message?: string,
): Promise<V1Pod> {
  return patchPodStatus(kc, namespace, podName, (pod) => {
    const now = new Date().toISOString();
    const status = ready ? 'True' : 'False';
    const notReadyReason = reason ?? 'ReadinessProbeFailed';
    const cond = (type: string) => {
      const existing = condition(pod, type);
      return {
        type,
        status,
        reason: ready ? (reason ?? null) : notReadyReason,
        message: ready ? null : (message ?? `Readiness probe failed: ${notReadyReason}`),
        // Like the kubelet: the transition time moves only when the status does.
        ...(existing?.status === status ? {} : { lastTransitionTime: now }),
      };
    };
    return {
      conditions: [cond('Ready'), cond('ContainersReady')],
      containerStatuses: containerStatuses(pod, 'flip').map((cs) => ({ ...cs, ready })),
    };
  });
}

export interface RestartOptions {
  /** Which container; defaults to the first one in containerStatuses. */
  container?: string;
  /** The restartCount the container shows afterwards (not an increment). */
  count: number;
  /** lastState.terminated.reason; default "Error". */
  reason?: string;
  /** lastState.terminated.exitCode; default 137 for OOMKilled, otherwise 1. */
  exitCode?: number;
  /** lastState.terminated.finishedAt (the apiserver keeps whole seconds); default one second before the current run started (or now). */
  finishedAt?: Date;
  /** How long the terminated run lasted: lastState.terminated.startedAt is finishedAt minus this. Default 600. */
  ranForSeconds?: number;
}

/**
 * Makes a container look restarted: sets its restartCount and lastState.terminated {exitCode, reason,
 * startedAt, finishedAt}. The current state and readiness stay as they are.
 */
export async function addRestarts(
  kc: KubeConfig,
  namespace: string,
  podName: string,
  opts: RestartOptions,
): Promise<V1Pod> {
  if (!Number.isInteger(opts.count) || opts.count < 0) {
    throw new Error(`addRestarts: count must be a non-negative integer, got ${opts.count}`);
  }
  return patchPodStatus(kc, namespace, podName, (pod) => {
    const statuses = containerStatuses(pod, 'restart');
    const target = opts.container ?? statuses[0]?.name;
    if (!statuses.some((cs) => cs.name === target)) {
      throw new Error(
        `pod ${namespace}/${podName} has no container ${target} (has ${statuses.map((s) => s.name).join(', ')})`,
      );
    }
    const reason = opts.reason ?? 'Error';
    const exitCode = opts.exitCode ?? (reason === 'OOMKilled' ? 137 : 1);
    return {
      containerStatuses: statuses.map((cs) => {
        if (cs.name !== target) return cs;
        const runningSince = cs.state?.running?.startedAt;
        const finishedAt =
          opts.finishedAt ?? (runningSince ? new Date(new Date(runningSince).getTime() - 1000) : new Date());
        const startedAt = new Date(finishedAt.getTime() - (opts.ranForSeconds ?? 600) * 1000);
        return {
          ...cs,
          restartCount: opts.count,
          lastState: {
            terminated: {
              exitCode,
              reason,
              startedAt: startedAt.toISOString(),
              finishedAt: finishedAt.toISOString(),
            },
          },
        };
      }),
    };
  });
}
