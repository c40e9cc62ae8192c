import { CoreV1Api, type CoreV1Event, type KubeConfig } from '@kubernetes/client-node';

export interface PodEventOptions {
  type: 'Normal' | 'Warning';
  /** e.g. "Unhealthy", "BackOff". */
  reason: string;
  message: string;
  /** Which container the event is about (fieldPath `spec.containers{…}`); default the pod's first. */
  container?: string;
  /** Labels on the Event object itself. */
  labels?: Record<string, string>;
}

/**
 * Records an Event about a pod the way the kubelet would (source kubelet on the pod's node, involvedObject
 * with the pod's uid and the container's fieldPath): KWOK runs no probes and restarts nothing, so it never
 * writes these itself. Named `<pod>.<random>` like the kubelet's.
 */
export async function recordPodEvent(
  kc: KubeConfig,
  namespace: string,
  podName: string,
  opts: PodEventOptions,
): Promise<CoreV1Event> {
  const core = kc.makeApiClient(CoreV1Api);
  const pod = await core.readNamespacedPod({ name: podName, namespace });
  const container = opts.container ?? pod.spec?.containers[0]?.name;
  const now = new Date();
  return core.createNamespacedEvent({
    namespace,
    body: {
      metadata: { generateName: `${podName}.`, ...(opts.labels ? { labels: opts.labels } : {}) },
      involvedObject: {
        apiVersion: 'v1',
        kind: 'Pod',
        namespace,
        name: podName,
        uid: pod.metadata?.uid ?? '',
        ...(container ? { fieldPath: `spec.containers{${container}}` } : {}),
      },
      type: opts.type,
      reason: opts.reason,
      message: opts.message,
      source: { component: 'kubelet', ...(pod.spec?.nodeName ? { host: pod.spec.nodeName } : {}) },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
    },
  });
}
