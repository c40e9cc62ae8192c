/** The kinds with a list view and detail pages. */
export type ViewableKind = 'pods' | 'deployments' | 'replicasets' | 'services' | 'configmaps' | 'secrets';

export interface ViewKind {
  kind: ViewableKind;
  /** Navigation label and view title. */
  label: string;
  /** How messages name the objects: "No pods in namespace default". */
  noun: string;
}

/** The views in the left navigation, in order; each is the route `/<kind>`. */
export const VIEW_KINDS: readonly ViewKind[] = [
  { kind: 'pods', label: 'Pods', noun: 'pods' },
  { kind: 'deployments', label: 'Deployments', noun: 'deployments' },
  { kind: 'replicasets', label: 'ReplicaSets', noun: 'ReplicaSets' },
  { kind: 'services', label: 'Services', noun: 'services' },
  { kind: 'configmaps', label: 'ConfigMaps', noun: 'ConfigMaps' },
  { kind: 'secrets', label: 'Secrets', noun: 'secrets' },
];

export function viewKind(kind: string | undefined): ViewKind | undefined {
  return VIEW_KINDS.find((v) => v.kind === kind);
}
