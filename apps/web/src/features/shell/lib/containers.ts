import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';

export interface ShellContainer {
  name: string;
  kind: 'container' | 'init' | 'ephemeral';
}

const running = (statuses: V1ContainerStatus[] | undefined, name: string) =>
  statuses?.find((s) => s.name === name)?.state?.running !== undefined;

/**
 * The containers a shell can be opened in: every regular container, and init or ephemeral ones only
 * while they run (the apiserver refuses exec into a container that is not running, and an init
 * container that completed never runs again).
 */
export function shellContainers(pod: V1Pod): ShellContainer[] {
  const status = pod.status;
  return [
    ...(pod.spec?.containers ?? []).map((c) => ({ name: c.name, kind: 'container' as const })),
    ...(pod.spec?.initContainers ?? [])
      .filter((c) => running(status?.initContainerStatuses, c.name))
      .map((c) => ({ name: c.name, kind: 'init' as const })),
    ...(pod.spec?.ephemeralContainers ?? [])
      .filter((c) => running(status?.ephemeralContainerStatuses, c.name))
      .map((c) => ({ name: c.name, kind: 'ephemeral' as const })),
  ];
}
