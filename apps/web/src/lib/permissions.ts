import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PermissionsResponse } from '@wheelhouse/shared-types';
import { getJson } from './api';

/**
 * `GET /api/permissions` for some `verb:resource` checks in a namespace: the caller's own
 * SelfSubjectAccessReviews (the BFF caches them for 30 s). The apiserver still decides each request.
 */
export const permissionsQueryOptions = (namespace: string, checks: readonly string[]) =>
  queryOptions({
    queryKey: ['permissions', namespace, checks] as const,
    queryFn: ({ signal }) =>
      getJson<PermissionsResponse>(
        `/api/permissions?${new URLSearchParams({ namespace, checks: checks.join(',') }).toString()}`,
        signal,
      ),
    staleTime: 30_000,
  });

export type Permission =
  | { state: 'loading' }
  /** The check itself failed: let the user try, the apiserver decides. */
  | { state: 'unknown' }
  | { state: 'allowed' }
  /** `missing`: the checks that were refused ("create:pods/exec"); `reason`: the authorizer's, if any. */
  | { state: 'denied'; missing: string[]; reason?: string };

/** Whether every check is allowed. */
export function usePermission(namespace: string, checks: readonly string[], enabled = true): Permission {
  const { data, status } = useQuery({ ...permissionsQueryOptions(namespace, checks), enabled });
  if (status === 'pending') return { state: 'loading' };
  if (!data) return { state: 'unknown' };
  const refused = data.results.filter((r) => !r.allowed);
  if (refused.length === 0) return { state: 'allowed' };
  const reason = refused.find((r) => r.reason)?.reason;
  return { state: 'denied', missing: refused.map((r) => r.check), ...(reason ? { reason } : {}) };
}

/** "You may not open a shell in namespace demo: create:pods/exec and get:pods/exec are not allowed." */
export function deniedMessage(
  what: string,
  namespace: string,
  p: Extract<Permission, { state: 'denied' }>,
): string {
  const list = p.missing.join(' and ');
  return `You may not ${what} in namespace ${namespace}: ${list} ${p.missing.length > 1 ? 'are' : 'is'} not allowed${p.reason ? ` (${p.reason})` : ''}.`;
}
