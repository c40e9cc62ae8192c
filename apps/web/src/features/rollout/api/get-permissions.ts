import { queryOptions, useQuery } from '@tanstack/react-query';
import type {
  DeploymentAction,
  PermissionsResponse,
  ACTION_PERMISSIONS as ProtocolActionPermissions,
} from '@wheelhouse/shared-types';
import { getJson } from '../../../lib/api';

/**
 * The permission each action needs. Spelled out rather than imported, like `SOCKET_PATH`: a value
 * import from @wheelhouse/shared-types bundles zod into this chunk, and zod probes for `new Function`
 * (its JIT), which the CSP's `script-src 'self'` reports as an `unsafe-eval` violation. The type
 * annotation makes the compiler hold this copy equal to the contract's.
 */
const ACTION_PERMISSIONS: typeof ProtocolActionPermissions = {
  scale: 'patch:deployments/scale',
  restart: 'patch:deployments',
  pause: 'patch:deployments',
  resume: 'patch:deployments',
  undo: 'patch:deployments',
  image: 'patch:deployments',
};

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
