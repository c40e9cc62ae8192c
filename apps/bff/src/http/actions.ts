/**
 * Deployment actions (scale, restart, pause, resume, undo, set image), the revision history they need,
 * and SelfSubjectAccessReviews so the UI can say which actions the user may take. Every call is made as
 * the caller (their RBAC decides), every write carries the resourceVersion the user saw (the apiserver
 * answers 409 when the object changed since, and nothing is overwritten), and every input is validated
 * with the zod schemas of @wheelhouse/shared-types. Mounted under /api before the generic routes.
 */
import type {
  V1Deployment,
  V1PodTemplateSpec,
  V1ReplicaSet,
  V1ReplicaSetList,
} from '@kubernetes/client-node';
import {
  REVISION_ANNOTATION,
  revisionOf,
  selectorFromLabelSelector,
  selectorToString,
  templateForRollback,
} from '@wheelhouse/core';
import {
  type ActionResponse,
  type DeploymentAction,
  type DeploymentRevision,
  type HistoryResponse,
  NamespaceName,
  ObjectName,
  PERMISSION_RESOURCES,
  type PermissionCheck,
  type PermissionResult,
  PermissionsQuery,
  type PermissionsResponse,
  ResourceVersionRequest,
  ScaleRequest,
  SetImageRequest,
  UndoRequest,
} from '@wheelhouse/shared-types';
import { type Request, Router } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Caller, Callers } from '../kube/callers';
import { collectionPath, objectPath } from '../kube/resources';
import type { Metrics } from '../metrics';
import { callerOf as callerFromRequest, timedRequests } from './caller';
import { HttpError } from './errors';

export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

/** Deployment annotations `kubectl rollout undo` keeps from the Deployment rather than the ReplicaSet. */
const ANNOTATIONS_KEPT_ON_UNDO = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

const MERGE_PATCH = 'application/merge-patch+json';
const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';
const JSON_PATCH = 'application/json-patch+json';

/** How long a SelfSubjectAccessReview answer is reused for the same caller, verb, resource, namespace. */
export const PERMISSION_TTL_MS = 30_000;
const MAX_CACHED_PERMISSIONS = 10_000;

/** 400 naming the offending field, from a zod failure. */
function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue?.path.length ? issue.path.join('.') : what;
  const shown = issue?.path.length ? '' : ` "${String(value).slice(0, 100)}"`;
  throw new HttpError(400, 'BadRequest', `invalid ${path}${shown}: ${issue?.message ?? 'invalid'}`, {
    field: path,
  });
}

/** Images of a pod template, init containers first, as "name=image". */
function imagesOf(template: V1PodTemplateSpec | undefined): string[] {
  const spec = template?.spec;
  return [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])].map((c) => c.image ?? '');
}

function sameTemplate(a: V1PodTemplateSpec, b: V1PodTemplateSpec): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)))
      : v,
  );
}

export interface ActionDeps {
  callers: Callers;
  metrics: Metrics;
  log: Logger;
  /** For tests: the clock of the permission cache. */
  now?: () => number;
}

export function actionRoutes(deps: ActionDeps): Router {
  const { callers, metrics, log } = deps;
  const now = deps.now ?? Date.now;
  const r = Router();
  const permissionCache = new Map<string, { result: PermissionResult; expires: number }>();

  const callerOf = (req: Request): Caller => callerFromRequest(callers, req);
  const timed = timedRequests(metrics);

  function target(req: Request): { namespace: string; name: string; caller: Caller; path: string } {
    const namespace = parse(NamespaceName, req.params.namespace, 'namespace');
    const name = parse(ObjectName, req.params.name, 'name');
    return { namespace, name, caller: callerOf(req), path: objectPath('deployments', namespace, name) };
  }

  function audit(action: DeploymentAction, caller: Caller, namespace: string, name: string, detail = {}) {
    log.info(
      {
        audit: 'deployment-action',
        action,
        user: caller.user ?? caller.identity,
        namespace,
        name,
        ...detail,
      },
      `deployment ${action}`,
    );
  }

  /** The Deployment's ReplicaSets: selected by its selector and controlled by it (as the controller does). */
  async function replicaSetsOf(caller: Caller, d: V1Deployment): Promise<V1ReplicaSet[]> {
    const namespace = d.metadata?.namespace ?? '';
    const selector = selectorToString(selectorFromLabelSelector(d.spec?.selector));
    const list = await timed<V1ReplicaSetList>('list', caller, collectionPath('replicasets', namespace), {
      query: { labelSelector: selector },
    });
    const uid = d.metadata?.uid;
    return list.items.filter((rs) =>
      (rs.metadata?.ownerReferences ?? []).some((o) => o.controller === true && o.uid === uid),
    );
  }

  const respond = (
    deployment: V1Deployment,
    extra: Omit<ActionResponse, 'deployment'> = {},
  ): ActionResponse => {
    if (deployment.metadata) delete deployment.metadata.managedFields;
    return { deployment, ...extra };
  };

  // ── scale: the scale subresource, as `kubectl scale` ─────────────────────────────────────────
  r.post('/deployments/:namespace/:name/scale', async (req, res) => {
    const { namespace, name, caller, path } = target(req);
    const { replicas, resourceVersion } = parse(ScaleRequest, req.body, 'body');
    // The scale subresource shares the Deployment's resourceVersion, and honours it as a precondition.
    await timed('patch', caller, `${path}/scale`, {
      method: 'PATCH',
      contentType: MERGE_PATCH,
      body: { metadata: { resourceVersion }, spec: { replicas } },
    });
    audit('scale', caller, namespace, name, { replicas });
    res.json(respond(await timed<V1Deployment>('get', caller, path)));
  });

  // ── restart: a new template annotation rolls every pod, as `kubectl rollout restart` ──────────
  r.post('/deployments/:namespace/:name/restart', async (req, res) => {
    const { namespace, name, caller, path } = target(req);
    const { resourceVersion } = parse(ResourceVersionRequest, req.body, 'body');
    const d = await timed<V1Deployment>('get', caller, path);
    if (d.spec?.paused) {
      throw new HttpError(400, 'BadRequest', `can't restart paused deployment "${name}" (run resume first)`);
    }
    const restartedAt = new Date(Math.floor(now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    const updated = await timed<V1Deployment>('patch', caller, path, {
      method: 'PATCH',
      contentType: STRATEGIC_MERGE_PATCH,
      body: {
        metadata: { resourceVersion },
        spec: { template: { metadata: { annotations: { [RESTARTED_AT_ANNOTATION]: restartedAt } } } },
      },
    });
    audit('restart', caller, namespace, name, { restartedAt });
    res.json(respond(updated));
  });

  // ── pause / resume: spec.paused ───────────────────────────────────────────────────────────────
  for (const action of ['pause', 'resume'] as const) {
    r.post(`/deployments/:namespace/:name/${action}`, async (req, res) => {
      const { namespace, name, caller, path } = target(req);
      const { resourceVersion } = parse(ResourceVersionRequest, req.body, 'body');
      const updated = await timed<V1Deployment>('patch', caller, path, {
        method: 'PATCH',
        contentType: MERGE_PATCH,
        body: { metadata: { resourceVersion }, spec: { paused: action === 'pause' } },
      });
      audit(action, caller, namespace, name);
      res.json(respond(updated));
    });
  }

  // ── undo: the chosen ReplicaSet's template back into the Deployment, as `kubectl rollout undo` ──
  r.post('/deployments/:namespace/:name/undo', async (req, res) => {
    const { namespace, name, caller, path } = target(req);
    const { toRevision, resourceVersion } = parse(UndoRequest, req.body, 'body');
    const d = await timed<V1Deployment>('get', caller, path);
    if (d.spec?.paused) {
      throw new HttpError(
        400,
        'BadRequest',
        `you cannot roll back a paused deployment; resume deployment "${name}" first and try again`,
      );
    }
    const sets = await replicaSetsOf(caller, d);
    let chosen: V1ReplicaSet | undefined;
    if (toRevision === undefined || toRevision === 0) {
      // The previous revision: the highest one below the current (the highest) one.
      const revisions = sets
        .map((rs) => ({ rs, revision: revisionOf(rs) }))
        .filter((x): x is { rs: V1ReplicaSet; revision: number } => x.revision !== undefined)
        .sort((a, b) => b.revision - a.revision);
      chosen = revisions[1]?.rs;
      if (chosen === undefined) {
        throw new HttpError(404, 'NotFound', `no previous revision of deployment "${name}" to roll back to`, {
          field: 'toRevision',
        });
      }
    } else {
      chosen = sets.find((rs) => revisionOf(rs) === toRevision);
      if (chosen === undefined) {
        throw new HttpError(
          404,
          'NotFound',
          `deployment "${name}" has no revision ${toRevision} (its ReplicaSets hold revisions ${
            sets
              .map(revisionOf)
              .filter((n) => n !== undefined)
              .sort((a, b) => a - b)
              .join(', ') || 'none'
          })`,
          { field: 'toRevision' },
        );
      }
    }
    const revision = revisionOf(chosen);
    const template = templateForRollback(chosen);
    if (d.spec?.template && sameTemplate(template, d.spec.template)) {
      if (d.metadata?.resourceVersion !== resourceVersion) {
        throw new HttpError(
          409,
          'Conflict',
          `Operation cannot be fulfilled on deployments.apps "${name}": the object has been modified; please apply your changes to the latest version and try again`,
        );
      }
      res.json(
        respond(d, { skipped: `skipped rollback (current template already matches revision ${revision})` }),
      );
      return;
    }
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) {
      if (ANNOTATIONS_KEPT_ON_UNDO.has(k)) annotations[k] = v;
    }
    for (const [k, v] of Object.entries(chosen.metadata?.annotations ?? {})) {
      if (!ANNOTATIONS_KEPT_ON_UNDO.has(k)) annotations[k] = v;
    }
    // A JSON patch replacing the template whole (as kubectl does); the resourceVersion the user saw
    // makes it conditional, so a change in between gives 409.
    const updated = await timed<V1Deployment>('patch', caller, path, {
      method: 'PATCH',
      contentType: JSON_PATCH,
      body: [
        { op: 'replace', path: '/metadata/resourceVersion', value: resourceVersion },
        { op: 'replace', path: '/spec/template', value: template },
        { op: 'add', path: '/metadata/annotations', value: annotations },
      ],
    });
    audit('undo', caller, namespace, name, { toRevision: revision });
    res.json(respond(updated));
  });

  // ── set image: one container's image; dryRun asks the apiserver what the object would become ──
  r.post('/deployments/:namespace/:name/image', async (req, res) => {
    const { namespace, name, caller, path } = target(req);
    const { container, image, resourceVersion, dryRun } = parse(SetImageRequest, req.body, 'body');
    const d = await timed<V1Deployment>('get', caller, path);
    const spec = d.spec?.template?.spec;
    const inInit = (spec?.initContainers ?? []).some((c) => c.name === container);
    const inMain = (spec?.containers ?? []).some((c) => c.name === container);
    if (!inInit && !inMain) {
      const names = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])].map((c) => c.name);
      throw new HttpError(
        400,
        'BadRequest',
        `deployment "${name}" has no container "${container}" (it has ${names.join(', ')})`,
        { field: 'container' },
      );
    }
    const list = inMain ? 'containers' : 'initContainers';
    const updated = await timed<V1Deployment>('patch', caller, path, {
      method: 'PATCH',
      contentType: STRATEGIC_MERGE_PATCH,
      query: dryRun ? { dryRun: 'All' } : {},
      body: {
        metadata: {
          resourceVersion,
          annotations: { [CHANGE_CAUSE_ANNOTATION]: `set image deployment/${name} ${container}=${image}` },
        },
        spec: { template: { spec: { [list]: [{ name: container, image }] } } },
      },
    });
    if (!dryRun) audit('image', caller, namespace, name, { container, image });
    res.json(respond(updated, dryRun ? { dryRun: true } : {}));
  });

  // ── history: revisions from the ReplicaSets ───────────────────────────────────────────────────
  r.get('/deployments/:namespace/:name/history', async (req, res) => {
    const { caller, path } = target(req);
    const d = await timed<V1Deployment>('get', caller, path);
    const current = revisionOf(d);
    const revisions: DeploymentRevision[] = [];
    for (const rs of await replicaSetsOf(caller, d)) {
      const revision = revisionOf(rs);
      if (revision === undefined) continue;
      const changeCause = rs.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION];
      const created = rs.metadata?.creationTimestamp;
      revisions.push({
        revision,
        replicaSet: rs.metadata?.name ?? '',
        ...(changeCause ? { changeCause } : {}),
        images: imagesOf(rs.spec?.template),
        template: templateForRollback(rs),
        ...(created ? { createdAt: new Date(created).toISOString() } : {}),
        replicas: rs.spec?.replicas ?? 0,
        current: revision === current,
      });
    }
    revisions.sort((a, b) => a.revision - b.revision);
    const body: HistoryResponse = {
      resourceVersion: d.metadata?.resourceVersion ?? '',
      ...(current !== undefined ? { currentRevision: current } : {}),
      revisions,
    };
    res.json(body);
  });

  // ── permissions: SelfSubjectAccessReviews as the caller, cached briefly ───────────────────────
  r.get('/permissions', async (req, res) => {
    const query = parse(PermissionsQuery, req.query, 'query');
    const caller = callerOf(req);
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
    const cached = permissionCache.get(key);
    if (cached && cached.expires > t) return cached.result;
    const [resource, subresource] = check.resource.split('/') as [string, string | undefined];
    const answer = await timed<{ status?: { allowed?: boolean; denied?: boolean; reason?: string } }>(
      'create',
      caller,
      '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
      {
        method: 'POST',
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: {
            resourceAttributes: {
              namespace,
              verb: check.verb,
              group: PERMISSION_RESOURCES[check.resource],
              resource,
              ...(subresource ? { subresource } : {}),
            },
          },
        },
      },
    );
    const reason = answer.status?.reason;
    const result: PermissionResult = {
      check: text,
      allowed: answer.status?.allowed === true,
      ...(reason ? { reason } : {}),
    };
    if (permissionCache.size >= MAX_CACHED_PERMISSIONS) {
      for (const [k, v] of permissionCache) if (v.expires <= t) permissionCache.delete(k);
      if (permissionCache.size >= MAX_CACHED_PERMISSIONS) permissionCache.clear();
    }
    permissionCache.set(key, { result, expires: t + PERMISSION_TTL_MS });
    return result;
  }

  return r;
}
