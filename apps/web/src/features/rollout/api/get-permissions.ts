import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DeploymentAction, PermissionsResponse } from '@wheelhouse/shared-types';
import { getJson } from '../../../lib/api';
import { type ActionPermission, PERMISSION_CHECKS, permissionsFrom } from '../lib/action-rules';

export const permissionsOptions = (namespace: string) =>
  queryOptions({
    queryKey: ['permissions', namespace, PERMISSION_CHECKS] as const,
    queryFn: ({ signal }) =>
      getJson<PermissionsResponse>(
        `/api/permissions?${new URLSearchParams({ namespace, checks: PERMISSION_CHECKS.join(',') }).toString()}`,
        signal,
      ),
    // The BFF caches answers for 30 s too; permissions rarely change while a page is open.
    staleTime: 30_000,
  });

/** Whether the user may take each action: unknown while loading, or when the check itself failed. */
export function usePermissions(namespace: string): Record<DeploymentAction, ActionPermission> {
  const { data } = useQuery(permissionsOptions(namespace));
  return permissionsFrom(data, namespace);
}
