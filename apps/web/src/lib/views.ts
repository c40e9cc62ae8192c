import {
  KINDS,
  type ResourceKind,
  VIEWABLE_KINDS,
  type ViewableKind,
} from '@wheelhouse/shared-types/constants';
import { detailPath, healthPath, rolloutPath } from './paths';

/**
 * The registry of the app's views (routes of app/App.tsx), read by the left navigation and by the
 * command palette: a view added here appears in both, and nowhere else needs to learn about it.
 */

/** A view the navigation lists: a page of its own, reached without picking an object first. */
export interface NavView {
  /** Stable id, and the route's first segment: "pods". */
  readonly id: string;
  /** The navigation's label and the view's title: "ReplicaSets". */
  readonly label: string;
  readonly pathname: string;
  /** Shows one namespace or all (`?ns=`); false for cluster-scoped views (Nodes). */
  readonly namespaced: boolean;
  /** Other words that find it in the palette, lowercase: kubectl's resource names and short names. */
  readonly aliases: readonly string[];
  /** The navigation's group: the six kinds, then the cluster's views (Namespaces, Nodes, Events). */
  readonly group: 'resources' | 'cluster';
}

/** kubectl's short names (`kubectl api-resources`), which the palette accepts like kubectl does. */
const SHORT_NAMES: Partial<Record<string, readonly string[]>> = {
  pods: ['po'],
  deployments: ['deploy'],
  replicasets: ['rs'],
  services: ['svc'],
  configmaps: ['cm'],
  namespaces: ['ns'],
  nodes: ['no'],
  events: ['ev'],
};

/** The view listing one kind at `/<kind>`, found by kubectl's names for the kind. */
export function kindView(kind: ResourceKind, label: string, group: NavView['group']): NavView {
  const info = KINDS[kind];
  return {
    id: kind,
    label,
    pathname: `/${kind}`,
    namespaced: info.namespaced,
    aliases: [kind, info.kind.toLowerCase(), ...(SHORT_NAMES[kind] ?? [])],
    group,
  };
}

/**
 * The navigation, in order: every kind with a view (the kinds record's `view`), then the cluster's
 * views (routes of their own in App.tsx). The palette offers each one, as it is added here.
 */
export const NAV_VIEWS: readonly NavView[] = [
  ...VIEWABLE_KINDS.map((kind) => kindView(kind, KINDS[kind].view.label, 'resources')),
  kindView('namespaces', 'Namespaces', 'cluster'),
  kindView('nodes', 'Nodes', 'cluster'),
  kindView('events', 'Events', 'cluster'),
];

/** A view of one object: its page, a tab of it, or a page built on it (rollout, health). */
export interface ObjectView {
  readonly id: string;
  /** How a result names where it leads: "Rollout". */
  readonly label: string;
  /** The words that ask for it in the palette ("rollout api"), lowercase; the first is shown. */
  readonly verbs: readonly string[];
  /** The kinds that have it. */
  readonly kinds: readonly ViewableKind[];
  readonly path: (kind: ViewableKind, namespace: string, name: string) => string;
}

const ALL_KINDS: readonly ViewableKind[] = VIEWABLE_KINDS;
const tab = (name: string) => (kind: ViewableKind, namespace: string, object: string) =>
  `${detailPath(kind, namespace, object)}&tab=${name}`;

/** The object views, the object page first (what a bare name opens). */
export const OBJECT_VIEWS: readonly ObjectView[] = [
  {
    id: 'open',
    label: 'Object page',
    verbs: ['open', 'describe', 'get'],
    kinds: ALL_KINDS,
    path: detailPath,
  },
  {
    id: 'rollout',
    label: 'Rollout',
    verbs: ['rollout'],
    kinds: ['deployments'],
    path: (_kind, namespace, name) => rolloutPath(namespace, name),
  },
  {
    id: 'health',
    label: 'Health',
    verbs: ['health'],
    kinds: ['pods'],
    path: (_kind, namespace, name) => healthPath(namespace, name),
  },
  {
    id: 'logs',
    label: 'Logs',
    verbs: ['logs', 'log'],
    kinds: ['pods', 'deployments', 'replicasets', 'services'],
    path: tab('logs'),
  },
  { id: 'shell', label: 'Shell', verbs: ['shell', 'exec'], kinds: ['pods'], path: tab('shell') },
  { id: 'yaml', label: 'YAML', verbs: ['yaml', 'edit'], kinds: ALL_KINDS, path: tab('yaml') },
];
