/**
 * Deployment actions (scale, restart, pause, resume, undo, set image) under /api. Every call is made as
 * the caller (their RBAC decides), every write carries the resourceVersion the user saw (the apiserver
 * answers 409 when the object changed since, and nothing is overwritten), and every input is validated
 * with the zod schemas of @wheelhouse/shared-types. What an undo writes is decided by @wheelhouse/core
 * (planUndo, as `kubectl rollout undo`).
 */
import type { V1Deployment } from '@kubernetes/client-node';
import { CHANGE_CAUSE_ANNOTATION, planUndo, RESTARTED_AT_ANNOTATION } from '@wheelhouse/core';
import {
  type ActionResponse,
  type DeploymentAction,
  ResourceVersionRequest,
  ScaleRequest,
  SetImageRequest,
  UndoRequest,
} from '@wheelhouse/shared-types';
import { Router } from 'express';
import type { Logger } from 'pino';
import type { Caller, Callers } from '../kube/callers';
import type { Metrics } from '../metrics';
import { timedRequests } from './caller';
import { deploymentTarget, listReplicaSetsOf } from './deployment-history';
import { HttpError } from './errors';
import { parseInput } from './validate';

const MERGE_PATCH = 'application/merge-patch+json';
const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';
const JSON_PATCH = 'application/json-patch+json';

export interface ActionDeps {
  callers: Callers;
  metrics: Metrics;
  log: Logger;
  /** For tests: the clock of `restartedAt`. */
  now?: () => number;
}

/** The Deployment as the response carries it (managedFields are noise to the browser). */
function respond(deployment: V1Deployment, extra: Omit<ActionResponse, 'deployment'> = {}): ActionResponse {
  if (deployment.metadata) delete deployment.metadata.managedFields;
  return { deployment, ...extra };
}

export function deploymentActionRoutes(deps: ActionDeps): Router {
  const { callers, log } = deps;
  const now = deps.now ?? Date.now;
  const timed = timedRequests(deps.metrics);
  const r = Router();

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

  // ── scale: the scale subresource, as `kubectl scale` ─────────────────────────────────────────
  r.post('/deployments/:namespace/:name/scale', async (req, res) => {
    const { namespace, name, caller, path } = deploymentTarget(callers, req);
    const { replicas, resourceVersion } = parseInput(ScaleRequest, req.body, 'body');
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
    const { namespace, name, caller, path } = deploymentTarget(callers, req);
    const { resourceVersion } = parseInput(ResourceVersionRequest, req.body, 'body');
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
      const { namespace, name, caller, path } = deploymentTarget(callers, req);
      const { resourceVersion } = parseInput(ResourceVersionRequest, req.body, 'body');
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
    const { namespace, name, caller, path } = deploymentTarget(callers, req);
    const { toRevision, resourceVersion } = parseInput(UndoRequest, req.body, 'body');
    const d = await timed<V1Deployment>('get', caller, path);
    if (d.spec?.paused) {
      throw new HttpError(
        400,
        'BadRequest',
        `you cannot roll back a paused deployment; resume deployment "${name}" first and try again`,
      );
    }
    const plan = planUndo(d, await listReplicaSetsOf(timed, caller, d), toRevision);
    if (!plan.found) {
      const message = plan.previous
        ? `no previous revision of deployment "${name}" to roll back to`
        : `deployment "${name}" has no revision ${plan.toRevision} (its ReplicaSets hold revisions ${
            plan.revisions.join(', ') || 'none'
          })`;
      throw new HttpError(404, 'NotFound', message, { field: 'toRevision' });
    }
    if (plan.skip) {
      // Nothing to write; still, the user decided on a version of the object that must be the current one.
      if (d.metadata?.resourceVersion !== resourceVersion) {
        throw new HttpError(
          409,
          'Conflict',
          `Operation cannot be fulfilled on deployments.apps "${name}": the object has been modified; please apply your changes to the latest version and try again`,
        );
      }
      res.json(respond(d, { skipped: plan.message }));
      return;
    }
    // A JSON patch replacing the template whole (as kubectl does); the resourceVersion the user saw
    // makes it conditional, so a change in between gives 409.
    const updated = await timed<V1Deployment>('patch', caller, path, {
      method: 'PATCH',
      contentType: JSON_PATCH,
      body: [
        { op: 'replace', path: '/metadata/resourceVersion', value: resourceVersion },
        { op: 'replace', path: '/spec/template', value: plan.template },
        { op: 'add', path: '/metadata/annotations', value: plan.annotations },
      ],
    });
    audit('undo', caller, namespace, name, { toRevision: plan.revision });
    res.json(respond(updated));
  });

  // ── set image: one container's image; dryRun asks the apiserver what the object would become ──
  r.post('/deployments/:namespace/:name/image', async (req, res) => {
    const { namespace, name, caller, path } = deploymentTarget(callers, req);
    const { container, image, resourceVersion, dryRun } = parseInput(SetImageRequest, req.body, 'body');
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

  return r;
}
