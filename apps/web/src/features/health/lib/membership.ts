/** Which Services send traffic to a pod, and — when one does not — why. */
import type { V1EndpointSlice, V1Pod, V1Service } from '@kubernetes/client-node';
import { matchesSelector, selectorFromMap } from '@wheelhouse/core';

export interface Membership {
  service: string;
  /** The pod's endpoint in the Service's EndpointSlices, if it has one. */
  endpoint?: { slice: string; ready: boolean; serving: boolean; terminating: boolean; addresses: string[] };
  inRotation: boolean;
  /** Why not, in words. */
  why?: string;
}

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** Services (with a selector) in the pod's namespace whose selector matches its labels. */
export function servicesSelecting(pod: V1Pod, services: Iterable<V1Service>): V1Service[] {
  const out: V1Service[] = [];
  for (const s of services) {
    const sel = s.spec?.selector;
    if (!sel || Object.keys(sel).length === 0) continue;
    if (s.metadata?.namespace !== pod.metadata?.namespace) continue;
    if (matchesSelector(selectorFromMap(sel), pod.metadata?.labels)) out.push(s);
  }
  return out.sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
}

function notReadyReason(pod: V1Pod): string {
  if (pod.metadata?.deletionTimestamp) return 'the pod is terminating';
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  const unready = (pod.status?.containerStatuses ?? []).filter((c) => !c.ready).map((c) => c.name);
  const parts = ['the pod is not Ready'];
  if (ready?.reason) parts.push(`(${ready.reason}${ready.message ? `: ${ready.message}` : ''})`);
  if (unready.length > 0)
    parts.push(`— container${unready.length > 1 ? 's' : ''} ${unready.join(', ')} not ready`);
  return parts.join(' ');
}

export function membershipOf(
  pod: V1Pod,
  services: readonly V1Service[],
  slices: Iterable<V1EndpointSlice>,
): Membership[] {
  const all = [...slices];
  const uid = pod.metadata?.uid;
  return services.map((svc) => {
    const service = svc.metadata?.name ?? '';
    for (const slice of all) {
      if (slice.metadata?.labels?.[SERVICE_NAME_LABEL] !== service) continue;
      const ep = slice.endpoints?.find((e) => e.targetRef?.uid === uid);
      if (!ep) continue;
      // Unset `ready`/`serving` mean true; unset `terminating` means false (EndpointConditions docs).
      const ready = ep.conditions?.ready !== false;
      const serving = ep.conditions?.serving ?? ready;
      const terminating = ep.conditions?.terminating === true;
      const endpoint = {
        slice: slice.metadata?.name ?? '',
        ready,
        serving,
        terminating,
        addresses: ep.addresses,
      };
      if (ready) return { service, endpoint, inRotation: true };
      const why = terminating
        ? serving
          ? 'terminating: still serving while it drains, but no new connections are sent to it'
          : 'terminating and no longer serving'
        : notReadyReason(pod);
      return { service, endpoint, inRotation: false, why };
    }
    const why = !pod.status?.podIP
      ? 'not in the EndpointSlices: the pod has no IP yet'
      : 'not in the EndpointSlices yet (the EndpointSlice controller has not added it)';
    return { service, inRotation: false, why };
  });
}
