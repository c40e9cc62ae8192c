import type { ResourceKind } from '@wheelhouse/shared-types';

/** The detail page of one object: `/:kind/:namespace/:name`, keeping the namespace in view. */
export function detailPath(kind: ResourceKind, namespace: string, name: string): string {
  return `/${kind}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}?ns=${encodeURIComponent(namespace)}`;
}

/** A list page, optionally narrowed to a namespace and a label selector. */
export function listPath(kind: ResourceKind, namespace?: string, selector?: string): string {
  const params = new URLSearchParams();
  if (namespace) params.set('ns', namespace);
  if (selector) params.set('l', selector);
  const search = params.toString();
  return `/${kind}${search ? `?${search}` : ''}`;
}

/** The Deployment rollout page (built in features/rollout). */
export function rolloutPath(namespace: string, name: string): string {
  return `/deployments/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}/rollout`;
}

/** A pod's health page (built in features/health). */
export function healthPath(namespace: string, name: string): string {
  return `/pods/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}/health`;
}

/** A link that carries the current label selector (`l=`) along. */
export function withSelector(href: string, selector: string | null | undefined): string {
  if (!selector) return href;
  return `${href}${href.includes('?') ? '&' : '?'}l=${encodeURIComponent(selector)}`;
}

/** The merged logs of every pod a label selector picks in a namespace (built in features/logs). */
export function workloadLogsPath(namespace: string, selector: string): string {
  return `/logs?${new URLSearchParams({ ns: namespace, l: selector }).toString()}`;
}

/**
 * A node's page (built in features/nodes). Nodes are cluster-scoped: the namespace in view, when
 * given, rides along in `?ns=` so the views reached from the node page stay in it.
 */
export function nodePath(name: string, namespace?: string): string {
  return `/nodes/${encodeURIComponent(name)}${namespace ? `?ns=${encodeURIComponent(namespace)}` : ''}`;
}
