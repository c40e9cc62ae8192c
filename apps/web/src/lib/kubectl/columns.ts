/**
 * The cells of `kubectl get <kind> -o wide`, as the server-side table printers compute them
 * (kubernetes/kubernetes pkg/printers/internalversion/printers.go): small pure functions, one per
 * cell that needs more than reading a field. Empty cells print as kubectl prints them: `<none>`.
 */
import type {
  V1Container,
  V1LabelSelector,
  V1LoadBalancerStatus,
  V1OwnerReference,
  V1Service,
  V1ServicePort,
} from '@kubernetes/client-node';
import { selectorFromLabelSelector, selectorToString } from '@wheelhouse/core';

export const NONE = '<none>';

/** CONTAINERS and IMAGES: the pod template's container names and images, comma-joined. */
export function containersAndImages(containers: readonly V1Container[] | undefined): {
  containers: string;
  images: string;
} {
  const list = containers ?? [];
  return {
    containers: list.map((c) => c.name).join(',') || NONE,
    images: list.map((c) => c.image ?? '').join(',') || NONE,
  };
}

/**
 * SELECTOR of a Deployment or ReplicaSet: metav1.LabelSelectorAsSelector(spec.selector).String().
 * An invalid selector prints `<error>` (kubectl would fail the whole list instead).
 */
export function labelSelectorText(ls: V1LabelSelector | null | undefined): string {
  try {
    const selector = selectorFromLabelSelector(ls);
    if (selector.matchesNothing) return NONE;
    return selectorToString(selector) || NONE;
  } catch {
    return '<error>';
  }
}

/** labels.FormatLabels: `k=v,k2=v2` sorted by key, `<none>` for an empty or missing map. */
export function formatLabels(map: Record<string, string> | null | undefined): string {
  const entries = Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length === 0 ? NONE : entries.map(([k, v]) => `${k}=${v}`).join(',');
}

/** PORT(S): makePortString — `80/TCP`, with the node port `80:30080/TCP`, comma-joined. */
export function servicePorts(ports: readonly V1ServicePort[] | undefined): string {
  const text = (ports ?? [])
    .map((p) => {
      const protocol = p.protocol ?? 'TCP';
      return p.nodePort !== undefined && p.nodePort > 0
        ? `${p.port}:${p.nodePort}/${protocol}`
        : `${p.port}/${protocol}`;
    })
    .join(',');
  return text || NONE;
}

/** loadBalancerStatusStringer (wide): the ingress IPs or hostnames, comma-joined. */
function loadBalancerIngress(status: V1LoadBalancerStatus | undefined): string {
  return (status?.ingress ?? [])
    .map((i) => i.ip || i.hostname || '')
    .filter(Boolean)
    .join(',');
}

/** EXTERNAL-IP: getServiceExternalIP(svc, wide=true). */
export function serviceExternalIp(svc: V1Service): string {
  const spec = svc.spec ?? {};
  const externalIps = spec.externalIPs ?? [];
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIps.length > 0 ? externalIps.join(',') : NONE;
    case 'LoadBalancer': {
      const lb = loadBalancerIngress(svc.status?.loadBalancer);
      if (externalIps.length > 0) return [...(lb ? lb.split(',') : []), ...externalIps].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** CLUSTER-IP: spec.clusterIP, `<none>` when empty (`None` for a headless Service stays `None`). */
export function serviceClusterIp(svc: V1Service): string {
  return svc.spec?.clusterIP || NONE;
}

/** The owner that controls an object (ownerReferences[].controller), or the first owner. */
export function controllerOf(refs: readonly V1OwnerReference[] | undefined): V1OwnerReference | undefined {
  return refs?.find((r) => r.controller) ?? refs?.[0];
}

/**
 * Orders READY values like "1/3" numerically: by how many are missing (desired − ready), then by
 * ready, so the least ready rows come first when sorted ascending.
 */
export function compareReady(a: string, b: string): number {
  const parse = (text: string) => {
    const [have = '0', want = '0'] = text.split('/');
    return { have: Number(have) || 0, want: Number(want) || 0 };
  };
  const x = parse(a);
  const y = parse(b);
  return y.want - y.have - (x.want - x.have) || x.have - y.have;
}
