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

/**
 * What the dashboard knows about each kind it lists and watches, in one place: the BFF's apiserver
 * paths, the web's navigation, page titles and YAML type meta, and which owners link to a page all
 * derive from it. Keyed by the plural resource name (as `kubectl get` takes it, and as the apiserver's
 * paths and the web's routes spell it). Plain values only: this module is part of the zod-free
 * `@wheelhouse/shared-types/constants` entry.
 */
export interface KindInfo {
  /** The object's `kind`: "Deployment". */
  readonly kind: string;
  /** `group/version`, or the bare version for the core (legacy) group: "apps/v1", "v1". */
  readonly apiVersion: string;
  /** Whether objects live in a namespace (false: cluster-scoped). */
  readonly namespaced: boolean;
  /** Set for the kinds with a list view and object pages of their own. */
  readonly view?: {
    /** Navigation label and list title: "ReplicaSets". */
    readonly label: string;
    /**
     * How counts and messages name the objects: kubectl's resource name ("No pods in namespace
     * default", "4 deployments", "5 replicasets"), the same form for every kind.
     */
    readonly noun: string;
  };
}

/** In the order of the web's navigation; the kinds without a view follow. */
export const KINDS = {
  pods: { kind: 'Pod', apiVersion: 'v1', namespaced: true, view: { label: 'Pods', noun: 'pods' } },
  deployments: {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    namespaced: true,
    view: { label: 'Deployments', noun: 'deployments' },
  },
  replicasets: {
    kind: 'ReplicaSet',
    apiVersion: 'apps/v1',
    namespaced: true,
    view: { label: 'ReplicaSets', noun: 'replicasets' },
  },
  services: {
    kind: 'Service',
    apiVersion: 'v1',
    namespaced: true,
    view: { label: 'Services', noun: 'services' },
  },
  configmaps: {
    kind: 'ConfigMap',
    apiVersion: 'v1',
    namespaced: true,
    view: { label: 'ConfigMaps', noun: 'configmaps' },
  },
  secrets: {
    kind: 'Secret',
    apiVersion: 'v1',
    namespaced: true,
    view: { label: 'Secrets', noun: 'secrets' },
  },
  namespaces: { kind: 'Namespace', apiVersion: 'v1', namespaced: false },
  events: { kind: 'Event', apiVersion: 'v1', namespaced: true },
  endpointslices: { kind: 'EndpointSlice', apiVersion: 'discovery.k8s.io/v1', namespaced: true },
  nodes: { kind: 'Node', apiVersion: 'v1', namespaced: false },
} as const satisfies Record<string, KindInfo>;

/** A kind the dashboard lists and watches, by its plural resource name. */
export type ResourceKind = keyof typeof KINDS;

/** Every kind, in the record's order. */
export const RESOURCE_KINDS = Object.keys(KINDS) as readonly ResourceKind[];

/** Kinds that live in a namespace (the others are cluster-scoped). */
export const NAMESPACED_KINDS: ReadonlySet<ResourceKind> = new Set(
  RESOURCE_KINDS.filter((k) => KINDS[k].namespaced),
);

/** The kinds with a list view and object pages. */
export type ViewableKind = {
  [K in ResourceKind]: (typeof KINDS)[K] extends { view: object } ? K : never;
}[ResourceKind];

/** The viewable kinds in navigation order. */
export const VIEWABLE_KINDS = RESOURCE_KINDS.filter(
  (k): k is ViewableKind => (KINDS[k] as KindInfo).view !== undefined,
);

/** `apiVersion` and `kind`, which objects from a list or a watch cache do not carry themselves. */
export function typeMeta(kind: ResourceKind): { apiVersion: string; kind: string } {
  const { apiVersion, kind: name } = KINDS[kind];
  return { apiVersion, kind: name };
}

/** The API group of an apiVersion: "apps" for "apps/v1", "" (the core group) for "v1". */
export function apiGroupOf(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * Where a kind's collection lives in the apiserver's REST tree: the core group under `/api/v1`,
 * named groups under `/apis/<group>/<version>` (the apiserver's legacy and grouped prefixes).
 */
export function apiPathPrefix(kind: ResourceKind): string {
  const { apiVersion } = KINDS[kind];
  return apiGroupOf(apiVersion) === '' ? `/api/${apiVersion}` : `/apis/${apiVersion}`;
}

/**
 * The kind an ownerReference (or any apiVersion + kind pair) names, when it is one of ours. Matched on
 * kind and API group, not version: an owner written as another version of the same group is the
 * same object, an owner of the same kind name in another group (a custom resource) is not.
 */
export function resourceKindOf(ref: { apiVersion?: string; kind?: string }): ResourceKind | undefined {
  if (ref.kind === undefined || ref.apiVersion === undefined) return undefined;
  const group = apiGroupOf(ref.apiVersion);
  return RESOURCE_KINDS.find((k) => KINDS[k].kind === ref.kind && apiGroupOf(KINDS[k].apiVersion) === group);
}

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
