/**
 * One row per object for each kind's list, as `kubectl get <kind> -o wide` prints it, computed once
 * per object version (objects in the live cache are immutable, so rows are memoised per object).
 */
import type { V1ConfigMap, V1Deployment, V1Pod, V1ReplicaSet, V1Service } from '@kubernetes/client-node';
import { podListRow, revisionOf, toDate } from '@wheelhouse/core';
import type { PodListRow, SecretSummary } from '@wheelhouse/shared-types';
import type { LiveRow } from '../../components/live-table/types';
import {
  containersAndImages,
  controllerOf,
  formatLabels,
  labelSelectorText,
  NONE,
  serviceClusterIp,
  serviceExternalIp,
  servicePorts,
} from './columns';

interface Meta {
  metadata?: {
    uid?: string;
    name?: string;
    namespace?: string;
    resourceVersion?: string;
    creationTimestamp?: Date | string;
  };
}

/** What every row has: identity, version and the AGE column's start (epoch ms). */
export interface ObjectRow extends LiveRow {
  created: number | undefined;
}

/** The common row fields from an object's metadata, shown in `namespace` ('' for cluster-scoped). */
export function rowBase(meta: Meta['metadata'], namespace: string, ...searchable: string[]): ObjectRow {
  const name = meta?.name ?? '';
  return {
    uid: meta?.uid ?? `${namespace}/${name}`,
    name,
    namespace,
    version: meta?.resourceVersion ?? '',
    created: toDate(meta?.creationTimestamp)?.getTime(),
    search: [name, namespace, ...searchable].join(' ').toLowerCase(),
  };
}

function base(obj: Meta, ...searchable: string[]): ObjectRow {
  return rowBase(obj.metadata, obj.metadata?.namespace ?? '', ...searchable);
}

/** Memoises a row per object: objects in the live cache are immutable, so a row is computed once. */
export function memo<T extends object, R>(fn: (obj: T) => R): (obj: T) => R {
  const cache = new WeakMap<T, R>();
  return (obj) => {
    const hit = cache.get(obj);
    if (hit !== undefined) return hit;
    const row = fn(obj);
    cache.set(obj, row);
    return row;
  };
}

export interface PodRow extends ObjectRow {
  ready: string;
  status: string;
  restarts: number;
  /** epoch ms of the last restart, when known. */
  lastRestart: number | undefined;
  ip: string;
  node: string;
  nominatedNode: string;
  readinessGates: string;
}

/**
 * `kubectl get pods -o wide`, from the row the BFF sends a Pods list (`shape: 'row'`): READY, STATUS,
 * RESTARTS and the rest are @wheelhouse/core's podListRow, computed there from the object.
 */
export const podRowOf = memo(
  (row: PodListRow): PodRow => ({
    ...base(row, row.status, row.ip, row.node),
    ready: row.ready,
    status: row.status,
    restarts: row.restarts,
    lastRestart: row.lastRestart,
    ip: row.ip,
    node: row.node,
    nominatedNode: row.nominatedNode,
    readinessGates: row.readinessGates,
  }),
);

/**
 * The same row from a Pod object (a node's or a workload's pods, read from object lists): through
 * core's podListRow, so a pod prints the same whichever way it came.
 */
export const podRow = (pod: V1Pod): PodRow => podRowOf(podListRow(pod));

export interface DeploymentRow extends ObjectRow {
  ready: string;
  upToDate: number;
  available: number;
  containers: string;
  images: string;
  selector: string;
}

/** `kubectl get deployments -o wide`: READY is readyReplicas/spec.replicas. */
export const deploymentRow = memo((d: V1Deployment): DeploymentRow => {
  const { containers, images } = containersAndImages(d.spec?.template?.spec?.containers);
  const selector = labelSelectorText(d.spec?.selector);
  return {
    ...base(d, images, selector),
    ready: `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`,
    upToDate: d.status?.updatedReplicas ?? 0,
    available: d.status?.availableReplicas ?? 0,
    containers,
    images,
    selector,
  };
});

/** A ReplicaSet as its list prints it, and as a Deployment's rollout counts it. */
export interface ReplicaSetRow extends ObjectRow {
  desired: number;
  current: number;
  ready: number;
  available: number;
  /** deployment.kubernetes.io/revision, when the ReplicaSet belongs to a Deployment. */
  revision: number | undefined;
  containers: string;
  images: string;
  /** The pod template's images, one per container (`images` is kubectl's comma-joined cell). */
  imageList: string[];
  selector: string;
  /** "Deployment/api", or `<none>` for a ReplicaSet nobody owns. */
  owner: string;
  ownerKind: string | undefined;
  ownerName: string | undefined;
}

/** `kubectl get replicasets -o wide`, plus the controlling owner, AVAILABLE and the revision. */
export const replicaSetRow = memo((rs: V1ReplicaSet): ReplicaSetRow => {
  const { containers, images } = containersAndImages(rs.spec?.template?.spec?.containers);
  const selector = labelSelectorText(rs.spec?.selector);
  const owner = controllerOf(rs.metadata?.ownerReferences);
  const ownerText = owner ? `${owner.kind}/${owner.name}` : NONE;
  return {
    ...base(rs, images, selector, ownerText),
    desired: rs.spec?.replicas ?? 0,
    current: rs.status?.replicas ?? 0,
    ready: rs.status?.readyReplicas ?? 0,
    available: rs.status?.availableReplicas ?? 0,
    revision: revisionOf(rs),
    containers,
    images,
    imageList: (rs.spec?.template?.spec?.containers ?? []).map((c) => c.image ?? ''),
    selector,
    owner: ownerText,
    ownerKind: owner?.kind,
    ownerName: owner?.name,
  };
});

export interface ServiceRow extends ObjectRow {
  type: string;
  clusterIp: string;
  externalIp: string;
  ports: string;
  selector: string;
}

/** `kubectl get services -o wide`. */
export const serviceRow = memo((svc: V1Service): ServiceRow => {
  const type = svc.spec?.type ?? 'ClusterIP';
  const clusterIp = serviceClusterIp(svc);
  const externalIp = serviceExternalIp(svc);
  const ports = servicePorts(svc.spec?.ports);
  const selector = formatLabels(svc.spec?.selector);
  return {
    ...base(svc, type, clusterIp, externalIp, ports, selector),
    type,
    clusterIp,
    externalIp,
    ports,
    selector,
  };
});

export interface ConfigMapRow extends ObjectRow {
  data: number;
}

/** `kubectl get configmaps`: DATA counts data and binaryData keys. */
export const configMapRow = memo(
  (cm: V1ConfigMap): ConfigMapRow => ({
    ...base(cm),
    data: Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length,
  }),
);

export interface SecretRow extends ObjectRow {
  type: string;
  data: number;
}

/** `kubectl get secrets`: values never travel, so DATA is the number of keys in `dataSizes`. */
export const secretRow = memo((s: SecretSummary): SecretRow => {
  const type = s.type ?? 'Opaque';
  return { ...base(s, type), type, data: Object.keys(s.dataSizes ?? {}).length };
});
