/**
 * Edit and delete one object of the six kinds (writes.ts), as the caller:
 *
 *  PUT    /api/objects/:kind/:ns/:name   EditRequest   → WriteResult  (replace from the user's YAML)
 *  DELETE /api/objects/:kind/:ns/:name   DeleteRequest → WriteResult  (as `kubectl delete --cascade=…`)
 *
 * An edit is `kubectl replace` with the resourceVersion the user started from: the apiserver answers
 * 409 when the object changed since, and nothing is overwritten. The YAML is read here (one document,
 * of the page's kind, name and namespace: renaming is not editing), so a mistake is a 400 with its
 * line and column before the cluster is asked anything.
 */
import type { KubernetesObject, V1Secret } from '@kubernetes/client-node';
import {
  DeleteRequest,
  EditRequest,
  KINDS,
  type WritableKind,
  type WriteResult,
} from '@wheelhouse/shared-types';
import { Router } from 'express';
import type { Logger } from 'pino';
import type { Callers } from '../kube/callers';
import { keepHiddenSecretValues } from '../kube/secret-values';
import { readYamlDocuments } from '../kube/yaml-documents';
import type { Metrics } from '../metrics';
import { timedRequests } from './caller';
import { HttpError } from './errors';
import { parseInput } from './validate';
import { answerObject, auditor, writeQuery, writeTarget } from './write-support';

export interface WriteDeps {
  callers: Callers;
  metrics: Metrics;
  log: Logger;
}

const shown = (v: unknown) => (v === undefined ? 'missing' : JSON.stringify(v));

/** The one object of an edit's YAML, checked against the object the route names. */
export function editedObject(
  yaml: string,
  target: { kind: WritableKind; namespace: string; name: string },
): KubernetesObject {
  const docs = readYamlDocuments(yaml);
  if (docs.length > 1) {
    throw new HttpError(
      400,
      'BadRequest',
      `the YAML holds ${docs.length} documents: an edit replaces one object (create several with Create)`,
      { field: 'yaml' },
    );
  }
  const [doc] = docs;
  if (!doc?.ok) {
    const problem = doc?.problem ?? { message: 'the YAML holds no document', position: 0 };
    throw new HttpError(400, 'BadRequest', problem.message, { field: 'yaml', position: problem.position });
  }
  const obj = doc.value as KubernetesObject;
  const want = KINDS[target.kind];
  if (obj.kind !== want.kind) {
    throw new HttpError(
      400,
      'BadRequest',
      `kind is ${shown(obj.kind)}, but this is a ${want.kind}: an edit cannot change what an object is`,
      { field: 'kind' },
    );
  }
  if (obj.apiVersion !== want.apiVersion) {
    throw new HttpError(
      400,
      'BadRequest',
      `apiVersion is ${shown(obj.apiVersion)}, but a ${want.kind} is edited as ${want.apiVersion}`,
      { field: 'apiVersion' },
    );
  }
  if (typeof obj.metadata !== 'object' || obj.metadata === null || Array.isArray(obj.metadata)) {
    throw new HttpError(400, 'BadRequest', 'metadata is missing: it names the object', { field: 'metadata' });
  }
  if (obj.metadata.name !== target.name) {
    throw new HttpError(
      400,
      'BadRequest',
      `metadata.name is ${shown(obj.metadata.name)}, but this is ${want.kind} "${target.name}": renaming is not editing (create the copy with Create, then delete this one)`,
      { field: 'metadata.name' },
    );
  }
  // A document without a namespace means this one (as `kubectl replace -n`); another one is a move.
  obj.metadata.namespace ??= target.namespace;
  if (obj.metadata.namespace !== target.namespace) {
    throw new HttpError(
      400,
      'BadRequest',
      `metadata.namespace is ${shown(obj.metadata.namespace)}, but this ${want.kind} is in "${target.namespace}": an edit cannot move an object`,
      { field: 'metadata.namespace' },
    );
  }
  return obj;
}

export function objectWriteRoutes(deps: WriteDeps): Router {
  const { callers } = deps;
  const timed = timedRequests(deps.metrics);
  const audited = auditor(deps.log);
  const r = Router();

  r.put('/objects/:kind/:ns/:name', async (req, res) => {
    const { yaml, resourceVersion, dryRun, context } = parseInput(EditRequest, req.body, 'body');
    const target = writeTarget(callers, req, context);
    const { kind, caller, path } = target;
    const edited = editedObject(yaml, target);
    // The version the user started from is the precondition, whatever the YAML says.
    edited.metadata = { ...edited.metadata, resourceVersion };
    const live = await timed<KubernetesObject>('get', caller, path);
    const changedSecretKeys =
      kind === 'secrets' ? keepHiddenSecretValues(edited, live as V1Secret) : undefined;
    const object = await audited(
      { caller, verb: 'update', kind, namespace: target.namespace, name: target.name, dryRun },
      () =>
        timed<KubernetesObject>('update', caller, path, {
          method: 'PUT',
          query: writeQuery('edit', dryRun),
          body: edited,
        }),
    );
    const body: WriteResult = {
      object: answerObject(kind, object),
      live: answerObject(kind, live),
      dryRun,
      ...(changedSecretKeys ? { changedSecretKeys } : {}),
    };
    res.json(body);
  });

  r.delete('/objects/:kind/:ns/:name', async (req, res) => {
    const { resourceVersion, propagationPolicy, context } = parseInput(DeleteRequest, req.body, 'body');
    const { kind, namespace, name, caller, path } = writeTarget(callers, req, context);
    const object = await audited({ caller, verb: 'delete', kind, namespace, name, dryRun: false }, () =>
      timed<KubernetesObject>('delete', caller, path, {
        method: 'DELETE',
        body: {
          apiVersion: 'v1',
          kind: 'DeleteOptions',
          preconditions: { resourceVersion },
          ...(propagationPolicy ? { propagationPolicy } : {}),
        },
      }),
    );
    res.json({ object: answerObject(kind, object), dryRun: false } satisfies WriteResult);
  });

  return r;
}
