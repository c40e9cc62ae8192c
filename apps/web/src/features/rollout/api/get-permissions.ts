import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PermissionsResponse } from '@wheelhouse/shared-types';
import { ACTION_PERMISSIONS, type DeploymentAction } from '@wheelhouse/shared-types/constants';
import { getJson } from '../../../lib/api';

const CHECKS = [...new Set(Object.values(ACTION_PERMISSIONS))];

export const permissionsOptions = (namespace: string) =>
  queryOptions({
    queryKey: ['permissions', namespace, CHECKS] as const,
    queryFn: ({ signal }) =>
      getJson<PermissionsResponse>(
        `/api/permissions?${new URLSearchParams({ namespace, checks: CHECKS.join(',') }).toString()}`,
        signal,
      ),
    // The BFF caches answers for 30 s too; permissions rarely change while a page is open.
    staleTime: 30_000,
  });

export type ActionPermission =
  | { allowed: true }
  | { allowed: false; reason: string }
  | { allowed: undefined };

/** Whether the user may take each action: unknown while loading, or when the check itself failed. */
export function usePermissions(namespace: string): Record<DeploymentAction, ActionPermission> {
  const { data } = useQuery(permissionsOptions(namespace));
  const out = {} as Record<DeploymentAction, ActionPermission>;
  for (const [action, check] of Object.entries(ACTION_PERMISSIONS) as [DeploymentAction, string][]) {
    const result = data?.results.find((r) => r.check === check);
    const [verb, resource] = check.split(':');
    out[action] =
      result === undefined
        ? { allowed: undefined }
        : result.allowed
          ? { allowed: true }
          : { allowed: false, reason: `You may not ${verb} ${resource} in namespace ${namespace}` };
  }
  return out;
}
