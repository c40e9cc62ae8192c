/**
 * `GET /api/permissions?namespace=NS&checks=verb:resource,…`: SelfSubjectAccessReviews as the caller,
 * so the UI can say which actions the user may take (the apiserver still decides each write). Answers
 * are cached briefly per caller, verb, resource and namespace.
 */
import {
  PERMISSION_RESOURCES,
  type PermissionCheck,
  type PermissionResult,
  PermissionsQuery,
  type PermissionsResponse,
} from '@wheelhouse/shared-types';
import { Router } from 'express';
import { reviewAccess } from '../kube/access-review';
import type { Caller, Callers } from '../kube/callers';
import type { Metrics } from '../metrics';
import { callerOf, timedRequests } from './caller';
import { parseInput } from './validate';

/** How long a SelfSubjectAccessReview answer is reused for the same caller, verb, resource, namespace. */
export const PERMISSION_TTL_MS = 30_000;
const MAX_CACHED_PERMISSIONS = 10_000;

export interface PermissionDeps {
  callers: Callers;
  metrics: Metrics;
  /** For tests: the clock of the cache. */
  now?: () => number;
}

export function permissionRoutes(deps: PermissionDeps): Router {
  const { callers } = deps;
  const now = deps.now ?? Date.now;
  const timed = timedRequests(deps.metrics);
  const cache = new Map<string, { result: PermissionResult; expires: number }>();
  const r = Router();

  r.get('/permissions', async (req, res) => {
    const query = parseInput(PermissionsQuery, req.query, 'query');
    const caller = callerOf(callers, req);
    const results = await Promise.all(query.checks.map((check) => review(caller, query.namespace, check)));
    res.json({ namespace: query.namespace, results } satisfies PermissionsResponse);
  });

  async function review(
    caller: Caller,
    namespace: string,
    check: PermissionCheck,
  ): Promise<PermissionResult> {
    const text = `${check.verb}:${check.resource}`;
    const key = `${caller.identity}\u0000${text}\u0000${namespace}`;
    const t = now();
    const cached = cache.get(key);
    if (cached && cached.expires > t) return cached.result;
    const [resource, subresource] = check.resource.split('/') as [string, string | undefined];
    const answer = await reviewAccess(
      caller.kc,
      {
        namespace,
        verb: check.verb,
        group: PERMISSION_RESOURCES[check.resource],
        resource,
        ...(subresource ? { subresource } : {}),
      },
      (path, opts) => timed('create', caller, path, opts),
    );
    const result: PermissionResult = { check: text, ...answer };
    if (cache.size >= MAX_CACHED_PERMISSIONS) {
      for (const [k, v] of cache) if (v.expires <= t) cache.delete(k);
      if (cache.size >= MAX_CACHED_PERMISSIONS) cache.clear();
    }
    cache.set(key, { result, expires: t + PERMISSION_TTL_MS });
    return result;
  }

  return r;
}
