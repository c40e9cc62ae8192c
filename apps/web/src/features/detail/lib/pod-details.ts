import type { V1ContainerState, V1ResourceRequirements, V1Volume } from '@kubernetes/client-node';

/** A container's state as `kubectl describe pod` leads with it: "Running", "Waiting: CrashLoopBackOff", … */
export function containerStateText(state: V1ContainerState | undefined): {
  text: string;
  tone: 'ok' | 'progress' | 'error' | 'done';
} {
  if (state?.running) return { text: 'Running', tone: 'ok' };
  if (state?.waiting) {
    const reason = state.waiting.reason ?? 'Waiting';
    const tone = reason === 'ContainerCreating' || reason === 'PodInitializing' ? 'progress' : 'error';
    return { text: `Waiting: ${reason}`, tone };
  }
  if (state?.terminated) {
    const t = state.terminated;
    const reason = t.reason ?? (t.exitCode === 0 ? 'Completed' : 'Error');
    return { text: `Terminated: ${reason} (exit ${t.exitCode})`, tone: t.exitCode === 0 ? 'done' : 'error' };
  }
  return { text: 'Unknown', tone: 'progress' };
}

/** "cpu 100m, memory 128Mi" for requests or limits; "—" when none. */
export function resourceText(resources: V1ResourceRequirements['requests'] | undefined): string {
  const entries = Object.entries(resources ?? {});
  if (entries.length === 0) return '—';
  return entries.map(([name, qty]) => `${name} ${String(qty)}`).join(', ');
}

/** A volume's source in a few words: "ConfigMap frontend-config", "Secret tls", "emptyDir". */
export function volumeSource(volume: V1Volume): {
  type: string;
  target?: { kind: 'configmaps' | 'secrets'; name: string };
} {
  if (volume.configMap)
    return { type: 'ConfigMap', target: { kind: 'configmaps', name: volume.configMap.name ?? '' } };
  if (volume.secret)
    return { type: 'Secret', target: { kind: 'secrets', name: volume.secret.secretName ?? '' } };
  if (volume.persistentVolumeClaim) return { type: `PVC ${volume.persistentVolumeClaim.claimName}` };
  if (volume.projected) return { type: 'Projected' };
  if (volume.emptyDir) return { type: 'EmptyDir' };
  if (volume.hostPath) return { type: `HostPath ${volume.hostPath.path}` };
  if (volume.downwardAPI) return { type: 'DownwardAPI' };
  const other = Object.keys(volume).find((k) => k !== 'name');
  return { type: other ?? 'unknown' };
}
