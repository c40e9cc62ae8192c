import { apiGroupOf, KINDS, type ResourceKind } from './kinds';

const groupOf = (kind: ResourceKind): string => apiGroupOf(KINDS[kind].apiVersion);

/**
 * What the permissions endpoint can be asked about (GET /api/permissions, actions.ts): the resources
 * the dashboard acts on, with the API group a SelfSubjectAccessReview names them by.
 */
export const PERMISSION_RESOURCES = {
  deployments: groupOf('deployments'),
  'deployments/scale': groupOf('deployments'),
  replicasets: groupOf('replicasets'),
  pods: groupOf('pods'),
  'pods/log': groupOf('pods'),
  'pods/exec': groupOf('pods'),
  services: groupOf('services'),
  endpointslices: groupOf('endpointslices'),
  events: groupOf('events'),
  configmaps: groupOf('configmaps'),
  secrets: groupOf('secrets'),
} as const;
export type PermissionResource = keyof typeof PERMISSION_RESOURCES;

/** The permission each action needs (what the UI asks before offering it). */
export const ACTION_PERMISSIONS = {
  scale: 'patch:deployments/scale',
  restart: 'patch:deployments',
  pause: 'patch:deployments',
  resume: 'patch:deployments',
  undo: 'patch:deployments',
  image: 'patch:deployments',
} as const;
export type DeploymentAction = keyof typeof ACTION_PERMISSIONS;

/**
 * The verb each write of writes.ts needs (what the UI asks before offering it): an edit is a PUT
 * (update), a delete a DELETE, the key editors a merge patch, and create-from-YAML a POST for a new
 * object or a server-side apply (patch) of an existing one.
 */
export const WRITE_VERBS = {
  edit: 'update',
  delete: 'delete',
  keys: 'patch',
  create: 'create',
  apply: 'patch',
} as const;
export type WriteOperation = keyof typeof WRITE_VERBS;

/** The permission check (`verb:resource`, as GET /api/permissions takes it) for one write on one kind. */
export function writePermission<K extends PermissionResource>(
  op: WriteOperation,
  kind: K,
): `${(typeof WRITE_VERBS)[WriteOperation]}:${K}` {
  return `${WRITE_VERBS[op]}:${kind}`;
}
