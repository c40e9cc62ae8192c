import type { WritableKind } from '@wheelhouse/shared-types';
import { writePermission } from '@wheelhouse/shared-types/constants';
import { type CheckAnswer, usePermissionChecks } from '../../../lib/permissions';

export type WriteControl = 'edit' | 'keys' | 'delete';

/**
 * Whether the user may take each write on objects of `kind` in `namespace`: a SelfSubjectAccessReview
 * for the exact verb each route needs (writePermission: edit → update, keys → patch, delete → delete).
 */
export function useWritePermissions(
  kind: WritableKind,
  namespace: string,
  enabled = true,
): Record<WriteControl, CheckAnswer> {
  const checks = {
    edit: writePermission('edit', kind),
    keys: writePermission('keys', kind),
    delete: writePermission('delete', kind),
  };
  const answer = usePermissionChecks(namespace, Object.values(checks), enabled);
  return { edit: answer[checks.edit], keys: answer[checks.keys], delete: answer[checks.delete] };
}
