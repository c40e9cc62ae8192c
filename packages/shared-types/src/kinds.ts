import type {
  CoreV1Event,
  V1ConfigMap,
  V1Deployment,
  V1EndpointSlice,
  V1Namespace,
  V1Node,
  V1Pod,
  V1ReplicaSet,
  V1Secret,
  V1Service,
} from '@kubernetes/client-node';
import { z } from 'zod';

/** The kinds the dashboard lists and watches, by their plural resource name (as `kubectl get` takes them). */
export const RESOURCE_KINDS = [
  'pods',
  'replicasets',
  'deployments',
  'services',
  'configmaps',
  'secrets',
  'namespaces',
  'events',
  'endpointslices',
  'nodes',
] as const;
export const ResourceKind = z.enum(RESOURCE_KINDS);
export type ResourceKind = z.infer<typeof ResourceKind>;

/** Kinds that live in a namespace (the others are cluster-scoped). */
export const NAMESPACED_KINDS: ReadonlySet<ResourceKind> = new Set<ResourceKind>([
  'pods',
  'replicasets',
  'deployments',
  'services',
  'configmaps',
  'secrets',
  'events',
  'endpointslices',
]);

/**
 * A Secret as it travels in list/watch payloads: every value removed, each key's decoded size in
 * bytes kept in `dataSizes`. Values are only ever sent by the explicit per-key reveal endpoint.
 */
export type SecretSummary = Omit<V1Secret, 'data' | 'stringData'> & { dataSizes: Record<string, number> };

/** The object type each kind carries on the wire. */
export interface KindObjectMap {
  pods: V1Pod;
  replicasets: V1ReplicaSet;
  deployments: V1Deployment;
  services: V1Service;
  configmaps: V1ConfigMap;
  secrets: SecretSummary;
  namespaces: V1Namespace;
  events: CoreV1Event;
  endpointslices: V1EndpointSlice;
  nodes: V1Node;
}
export type KindObject<K extends ResourceKind = ResourceKind> = KindObjectMap[K];

/**
 * Note on timestamps: objects on the wire are the apiserver's JSON, so the fields client-node types
 * as `Date` (creationTimestamp, lastTransitionTime, …) arrive as RFC 3339 strings. Read them with
 * `new Date(value)`, which accepts both.
 */
export type WireTimestamp = Date | string;
