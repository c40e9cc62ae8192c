/**
 * A Pod as the Pods list shows it: the cells of `kubectl get pods -o wide`, computed once per object
 * version. The BFF sends this instead of the object to a `row`-shaped subscription (the wire
 * contract: @wheelhouse/shared-types protocol.ts), and the web builds its list rows from it, so one
 * function decides what the list prints whether the browser holds the object or the row.
 */
import type { V1ObjectMeta, V1Pod } from '@kubernetes/client-node';
import { podStatus } from './pod-status';

/** kubectl's word for an empty cell. */
const NONE = '<none>';

/**
 * One pod in a list. `metadata` holds only the object's identity and version (its keys are the
 * object's, so code keyed by `metadata.uid` or comparing `metadata.resourceVersion` works the same on
 * rows and objects); the rest are kubectl's cells.
 */
export interface PodListRow {
  metadata: Pick<V1ObjectMeta, 'name' | 'namespace' | 'uid' | 'resourceVersion' | 'creationTimestamp'>;
  /** READY: "1/2" (restartable init containers count). */
  ready: string;
  /** STATUS: "Running", "CrashLoopBackOff", "Init:1/3", "Terminating"… */
  status: string;
  /** RESTARTS, the number. */
  restarts: number;
  /** When the last of the counted restarts ended (epoch ms), for RESTARTS' "(5m ago)"; absent when unknown. */
  lastRestart?: number;
  /** IP: status.podIP, or `<none>`. */
  ip: string;
  /** NODE: spec.nodeName, or `<none>`. */
  node: string;
  /** NOMINATED NODE: status.nominatedNodeName, or `<none>`. */
  nominatedNode: string;
  /** READINESS GATES: "1/2" (gates whose condition is True / gates), or `<none>` without gates. */
  readinessGates: string;
}

/**
 * READINESS GATES as kubectl's printer (printPod) writes it: `<none>` without gates, else how many
 * gates' conditions are True over the number of gates; a gate whose condition is missing counts as
 * not true.
 */
function readinessGatesText(pod: V1Pod): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return NONE;
  const conditions = pod.status?.conditions ?? [];
  const trueCount = gates.filter(
    (gate) => conditions.find((c) => c.type === gate.conditionType)?.status === 'True',
  ).length;
  return `${trueCount}/${gates.length}`;
}

/** The identity and version of the object, only the keys it has (absent ones cost no bytes). */
function rowMeta(meta: V1ObjectMeta | undefined): PodListRow['metadata'] {
  const out: PodListRow['metadata'] = {};
  if (meta === undefined) return out;
  if (meta.name !== undefined) out.name = meta.name;
  if (meta.namespace !== undefined) out.namespace = meta.namespace;
  if (meta.uid !== undefined) out.uid = meta.uid;
  if (meta.resourceVersion !== undefined) out.resourceVersion = meta.resourceVersion;
  if (meta.creationTimestamp !== undefined) out.creationTimestamp = meta.creationTimestamp;
  return out;
}

function computePodListRow(pod: V1Pod): PodListRow {
  const summary = podStatus(pod);
  const row: PodListRow = {
    metadata: rowMeta(pod.metadata),
    ready: summary.ready,
    status: summary.status,
    restarts: summary.restarts,
    ip: pod.status?.podIP || NONE,
    node: pod.spec?.nodeName || NONE,
    nominatedNode: pod.status?.nominatedNodeName || NONE,
    readinessGates: readinessGatesText(pod),
  };
  if (summary.lastRestart !== undefined) row.lastRestart = summary.lastRestart.getTime();
  return row;
}

/**
 * Objects in a live cache are immutable (a change is a new object), so a row is computed once per
 * object version and shared by every subscriber that shows it.
 */
const rows = new WeakMap<V1Pod, PodListRow>();

/** `kubectl get pods -o wide`'s cells for one pod, memoised per object. */
export function podListRow(pod: V1Pod): PodListRow {
  let row = rows.get(pod);
  if (row === undefined) {
    row = computePodListRow(pod);
    rows.set(pod, row);
  }
  return row;
}

/** Whether a list item is a pod's row rather than an object (a Pod has no top-level `ready`). */
export function isPodListRow(item: object): item is PodListRow {
  return typeof (item as { ready?: unknown }).ready === 'string';
}
