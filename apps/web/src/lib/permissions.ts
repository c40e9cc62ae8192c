import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import type { PermissionsResponse } from '@wheelhouse/shared-types';
import { useMemo } from 'react';
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

// ── One answer per check (the write controls: each button needs its own verb) ─────────────────

/** `verb:resource`, as GET /api/permissions takes it: "delete:pods", "update:deployments". */
export type PermissionCheckText = `${string}:${string}`;

/** The answer to one check: allowed, refused with the reason in words, or not known (loading, failed). */
export type CheckAnswer = { allowed: true } | { allowed: false; reason: string } | { allowed: undefined };

/** What the answer says about one check, with the reason in words when RBAC says no. */
export function checkAnswerOf(
  response: PermissionsResponse | undefined,
  check: PermissionCheckText,
  namespace: string,
): CheckAnswer {
  const result = response?.results.find((r) => r.check === check);
  if (result === undefined) return { allowed: undefined };
  if (result.allowed) return { allowed: true };
  const [verb, resource] = check.split(':');
  return { allowed: false, reason: `You may not ${verb} ${resource} in namespace ${namespace}` };
}

/** Each of `checks` in `namespace`, answered one by one (unknown while loading or when the check failed). */
export function usePermissionChecks<C extends PermissionCheckText>(
  namespace: string,
  checks: readonly C[],
  enabled = true,
): Record<C, CheckAnswer> {
  const { data } = useQuery({ ...permissionsQueryOptions(namespace, checks), enabled });
  const out = {} as Record<C, CheckAnswer>;
  for (const check of checks) out[check] = checkAnswerOf(data, check, namespace);
  return out;
}

/** Namespaces asked about at most at once (a list across all namespaces may show many). */
const MAX_NAMESPACES = 50;

/**
 * One check in each of several namespaces (a list across all namespaces): the answer per namespace.
 * Beyond the first MAX_NAMESPACES the answer is unknown, and the apiserver still decides.
 */
export function useCheckIn(
  check: PermissionCheckText,
  namespaces: readonly string[],
): ReadonlyMap<string, CheckAnswer> {
  const key = [...new Set(namespaces)].sort().slice(0, MAX_NAMESPACES).join(',');
  const asked = useMemo(() => (key === '' ? [] : key.split(',')), [key]);
  // `combine` keeps its result's identity while the answers stay the same (structural sharing), so
  // the map below is rebuilt only when an answer arrives, not on every render of a live list.
  const answers = useQueries({
    queries: asked.map((ns) => permissionsQueryOptions(ns, [check])),
    combine: (results) => results.map((r) => r.data),
  });
  return useMemo(() => {
    const out = new Map<string, CheckAnswer>();
    asked.forEach((ns, i) => {
      out.set(ns, checkAnswerOf(answers[i], check, ns));
    });
    return out;
  }, [asked, answers, check]);
}
