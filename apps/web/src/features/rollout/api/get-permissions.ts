import { useQuery } from '@tanstack/react-query';
import type { DeploymentAction } from '@wheelhouse/shared-types';
import { permissionsQueryOptions } from '../../../lib/permissions';
import { type ActionPermission, PERMISSION_CHECKS, permissionsFrom } from '../lib/action-rules';

/** Whether the user may take each action: unknown while loading, or when the check itself failed. */
export function usePermissions(namespace: string): Record<DeploymentAction, ActionPermission> {
  const { data } = useQuery(permissionsQueryOptions(namespace, PERMISSION_CHECKS));
  return permissionsFrom(data, namespace);
}
