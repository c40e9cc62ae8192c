/**
 * How objects relate, computed client-side from the live lists: ownerReferences both ways
 * (Deployment → ReplicaSets → Pods), Services → the Pods they select and their EndpointSlice state,
 * ConfigMaps/Secrets → the Pods that mount or reference them.
 */
import type { V1EndpointSlice, V1OwnerReference, V1Pod, V1PodSpec } from '@kubernetes/client-node';
import { matchesSelector, selectorFromMap } from '@wheelhouse/core';

interface Owned {
  metadata?: { ownerReferences?: V1OwnerReference[]; name?: string };
}

/** The objects that name `ownerUid` among their ownerReferences, sorted by name. */
export function ownedBy<T extends Owned>(items: Iterable<T>, ownerUid: string | undefined): T[] {
  if (!ownerUid) return [];
  const out: T[] = [];
  for (const item of items) {
    if (item.metadata?.ownerReferences?.some((r) => r.uid === ownerUid)) out.push(item);
  }
  return out.sort(byName);
}

/** The objects owned by any of `ownerUids`. */
export function ownedByAny<T extends Owned>(items: Iterable<T>, ownerUids: ReadonlySet<string>): T[] {
  const out: T[] = [];
  for (const item of items) {
    if (item.metadata?.ownerReferences?.some((r) => ownerUids.has(r.uid))) out.push(item);
  }
  return out.sort(byName);
}

function byName(a: Owned, b: Owned): number {
  const x = a.metadata?.name ?? '';
  const y = b.metadata?.name ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The Pods a Service's selector picks. A Service without a selector selects no Pods (its endpoints
 * are managed by hand), unlike an empty label selector, which would select everything.
 */
export function podsSelectedBy(pods: Iterable<V1Pod>, selector: Record<string, string> | undefined): V1Pod[] {
  if (!selector || Object.keys(selector).length === 0) return [];
  let parsed: ReturnType<typeof selectorFromMap>;
  try {
    parsed = selectorFromMap(selector);
  } catch {
    return [];
  }
  const out: V1Pod[] = [];
  for (const pod of pods) if (matchesSelector(parsed, pod.metadata?.labels)) out.push(pod);
  return out.sort(byName);
}

export interface EndpointState {
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  addresses: string[];
}

/**
 * The endpoint conditions of each Pod across a Service's EndpointSlices, by Pod name. Unset
 * conditions follow the API's documented meaning: `ready` and `serving` unset mean true (serving
 * falls back to ready), `terminating` unset means false.
 */
export function endpointStates(slices: Iterable<V1EndpointSlice>): Map<string, EndpointState> {
  const states = new Map<string, EndpointState>();
  for (const slice of slices) {
    for (const endpoint of slice.endpoints ?? []) {
      const ref = endpoint.targetRef;
      if (ref?.kind !== 'Pod' || !ref.name) continue;
      const ready = endpoint.conditions?.ready ?? true;
      states.set(ref.name, {
        ready,
        serving: endpoint.conditions?.serving ?? ready,
        terminating: endpoint.conditions?.terminating ?? false,
        addresses: endpoint.addresses ?? [],
      });
    }
  }
  return states;
}

export interface PodReferences {
  configMaps: Set<string>;
  secrets: Set<string>;
}

/**
 * The ConfigMaps and Secrets a Pod spec uses: volumes (also projected), env valueFrom, envFrom of
 * every container (init and ephemeral too), and imagePullSecrets.
 */
export function podReferences(spec: V1PodSpec | undefined): PodReferences {
  const configMaps = new Set<string>();
  const secrets = new Set<string>();
  if (!spec) return { configMaps, secrets };
  for (const volume of spec.volumes ?? []) {
    if (volume.configMap?.name) configMaps.add(volume.configMap.name);
    if (volume.secret?.secretName) secrets.add(volume.secret.secretName);
    for (const source of volume.projected?.sources ?? []) {
      if (source.configMap?.name) configMaps.add(source.configMap.name);
      if (source.secret?.name) secrets.add(source.secret.name);
    }
  }
  const containers = [
    ...(spec.initContainers ?? []),
    ...(spec.containers ?? []),
    ...(spec.ephemeralContainers ?? []),
  ];
  for (const container of containers) {
    for (const env of container.env ?? []) {
      const cm = env.valueFrom?.configMapKeyRef?.name;
      const secret = env.valueFrom?.secretKeyRef?.name;
      if (cm) configMaps.add(cm);
      if (secret) secrets.add(secret);
    }
    for (const from of container.envFrom ?? []) {
      if (from.configMapRef?.name) configMaps.add(from.configMapRef.name);
      if (from.secretRef?.name) secrets.add(from.secretRef.name);
    }
  }
  for (const pull of spec.imagePullSecrets ?? []) if (pull.name) secrets.add(pull.name);
  return { configMaps, secrets };
}

/** The Pods that mount or reference the ConfigMap or Secret `name`. */
export function podsReferencing(
  pods: Iterable<V1Pod>,
  kind: 'configmaps' | 'secrets',
  name: string,
): V1Pod[] {
  const out: V1Pod[] = [];
  for (const pod of pods) {
    const refs = podReferences(pod.spec);
    if ((kind === 'configmaps' ? refs.configMaps : refs.secrets).has(name)) out.push(pod);
  }
  return out.sort(byName);
}
