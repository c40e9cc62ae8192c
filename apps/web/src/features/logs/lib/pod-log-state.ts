import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';

type Pod = V1Pod;

/** The pod's containers for the picker, init containers first (as `kubectl logs -c` accepts them). */
export function containerNames(pod: Pod): Array<{ name: string; init: boolean }> {
  return [
    ...(pod.spec?.initContainers ?? []).map((c) => ({ name: c.name, init: true })),
    ...(pod.spec?.containers ?? []).map((c) => ({ name: c.name, init: false })),
  ];
}

export function statusOf(pod: Pod, container: string): V1ContainerStatus | undefined {
  return [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].find(
    (s) => s.name === container,
  );
}

/**
 * Why there is no log to read yet, or undefined when there is one. kubectl prints nothing for a pod
 * that is not scheduled (the apiserver answers 204) and refuses a container that waits to start
 * (400 "is waiting to start"); the tab says so in words and starts by itself once it runs.
 */
export function noLogYet(pod: Pod, container: string): string | undefined {
  const status = statusOf(pod, container);
  if (status?.state?.running || status?.state?.terminated || status?.lastState?.terminated) return undefined;
  const phase = pod.status?.phase ?? 'Pending';
  if (!pod.spec?.nodeName || !status) return `No logs yet: the pod is not running (${phase})`;
  const reason = status.state?.waiting?.reason;
  return `No logs yet: container ${container} is waiting to start${reason ? ` (${reason})` : ''}`;
}
