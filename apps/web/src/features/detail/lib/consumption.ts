/**
 * How a Pod consumes a ConfigMap or Secret, which decides when it sees a change: environment
 * variables (env valueFrom, envFrom) are read once when the container starts, so only a restart
 * shows new values; a mounted volume (also projected) is updated by the kubelet on its periodic
 * sync (its sync period plus the cache TTL, about a minute by default), except where mounted with
 * subPath, which is never updated (kubernetes.io docs: "Mounted ConfigMaps are updated
 * automatically", "A container using a ConfigMap as a subPath volume mount will not receive updates").
 */
import type { V1Container, V1PodSpec, V1Volume } from '@kubernetes/client-node';

export interface Consumption {
  env: boolean;
  volume: boolean;
  /** Mounted with subPath somewhere: those mounts never see a change. */
  subPath: boolean;
}

function volumeUses(volume: V1Volume, kind: 'configmaps' | 'secrets', name: string): boolean {
  if (kind === 'configmaps' ? volume.configMap?.name === name : volume.secret?.secretName === name)
    return true;
  return (volume.projected?.sources ?? []).some((s) =>
    kind === 'configmaps' ? s.configMap?.name === name : s.secret?.name === name,
  );
}

function envUses(container: V1Container, kind: 'configmaps' | 'secrets', name: string): boolean {
  const env = (container.env ?? []).some((e) =>
    kind === 'configmaps'
      ? e.valueFrom?.configMapKeyRef?.name === name
      : e.valueFrom?.secretKeyRef?.name === name,
  );
  return (
    env ||
    (container.envFrom ?? []).some((f) =>
      kind === 'configmaps' ? f.configMapRef?.name === name : f.secretRef?.name === name,
    )
  );
}

export function consumptionOf(
  spec: V1PodSpec | undefined,
  kind: 'configmaps' | 'secrets',
  name: string,
): Consumption {
  const containers = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
  const volumes = new Set((spec?.volumes ?? []).filter((v) => volumeUses(v, kind, name)).map((v) => v.name));
  const subPath = containers.some((c) =>
    (c.volumeMounts ?? []).some((m) => volumes.has(m.name) && !!m.subPath),
  );
  return { env: containers.some((c) => envUses(c, kind, name)), volume: volumes.size > 0, subPath };
}

/** When the Pod sees a change, in words. */
export function whenSeen(c: Consumption): string {
  const parts: string[] = [];
  if (c.env) parts.push('env: after a restart');
  if (c.volume)
    parts.push(
      c.subPath
        ? 'volume (subPath): after a restart'
        : 'volume: after the kubelet’s next sync (about a minute)',
    );
  return parts.join('; ');
}
