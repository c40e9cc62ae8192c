/**
 * A Node's cells as `kubectl get nodes -o wide` prints them (kubernetes/kubernetes
 * pkg/printers/internalversion/printers.go: printNode, findNodeRoles, getNodeInternalIP,
 * getNodeExternalIP). Pure: the node's JSON in, kubectl's text out.
 */
import type { V1Node } from '@kubernetes/client-node';

const NONE = '<none>';
const UNKNOWN = '<unknown>';
const ROLE_LABEL_PREFIX = 'node-role.kubernetes.io/';
const LEGACY_ROLE_LABEL = 'kubernetes.io/role';

/**
 * STATUS: `Ready` or `NotReady` from the Ready condition (any status but True is Not), `Unknown`
 * without one, then `,SchedulingDisabled` for a cordoned node (spec.unschedulable).
 */
export function nodeStatus(node: V1Node): string {
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
  const parts = [ready === undefined ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady'];
  if (node.spec?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

/**
 * ROLES: each `node-role.kubernetes.io/<role>` label's suffix (its value does not matter) and the
 * value of a non-empty `kubernetes.io/role` label, de-duplicated and sorted; `<none>` without any.
 */
export function nodeRoles(node: V1Node): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata?.labels ?? {})) {
    if (key.startsWith(ROLE_LABEL_PREFIX)) {
      const role = key.slice(ROLE_LABEL_PREFIX.length);
      if (role.length > 0) roles.add(role);
    } else if (key === LEGACY_ROLE_LABEL && value !== '') {
      roles.add(value);
    }
  }
  // Go's sets.String.List() sorts by byte order, as does the default sort of JS strings (UTF-16 for ASCII).
  return roles.size === 0 ? NONE : [...roles].sort().join(',');
}

/** The first address of a type (`InternalIP`, `ExternalIP`), or `<none>`. */
export function nodeAddress(node: V1Node, type: 'InternalIP' | 'ExternalIP'): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? NONE;
}

/** The -o wide cells kubectl reads from status.nodeInfo, `<unknown>` when empty. */
export interface NodeInfoCells {
  /** VERSION: the kubelet's version, printed as is (empty when the node never reported). */
  version: string;
  osImage: string;
  /** KERNEL-VERSION, with ` (<architecture>)` when the node reports one. */
  kernelVersion: string;
  containerRuntime: string;
}

export function nodeInfoCells(node: V1Node): NodeInfoCells {
  const info = node.status?.nodeInfo;
  const arch = info?.architecture ? ` (${info.architecture})` : '';
  return {
    version: info?.kubeletVersion ?? '',
    osImage: info?.osImage || UNKNOWN,
    kernelVersion: (info?.kernelVersion || UNKNOWN) + arch,
    containerRuntime: info?.containerRuntimeVersion || UNKNOWN,
  };
}
