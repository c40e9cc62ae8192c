import type { WritableKind } from '@wheelhouse/shared-types';
import { type Permission, usePermissionChecks } from '../../../lib/permissions';

export type WriteVerb = 'create' | 'update' | 'patch' | 'delete';

/**
 * Whether the user may write objects of `kind` in `namespace`, per verb (SelfSubjectAccessReviews
 * for the exact verb and resource): the editor needs update, the key editors patch, delete delete.
 */
export function useWritePermissions(
  kind: WritableKind,
  namespace: string,
  enabled = true,
): Record<WriteVerb, Permission> {
  const checks = [`update:${kind}`, `patch:${kind}`, `delete:${kind}`, `create:${kind}`] as const;
  const answer = usePermissionChecks(namespace, checks, enabled);
  return {
    update: answer[`update:${kind}`],
    patch: answer[`patch:${kind}`],
    delete: answer[`delete:${kind}`],
    create: answer[`create:${kind}`],
  };
}
