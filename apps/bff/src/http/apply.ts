/**
 * Create or update objects from pasted or uploaded YAML (writes.ts), as the caller:
 *
 *  POST /api/objects/apply   ApplyRequest → ApplyResponse   (one result per document, in order)
 *
 * Each document stands alone, as with `kubectl apply -f`: one that cannot be read or is refused gets
 * its error and the others go on. Every document is sent by server-side apply (field manager
 * "wheelhouse", force=false): a new object is created, an existing one updated, and a field another
 * manager owns that this YAML would change is the apiserver's 409 naming the conflicting fields,
 * never overwritten. A GET first tells "created" from "configured" and "unchanged".
 * Only the six kinds Wheelhouse shows are accepted. A review is the same with dryRun=All.
 */
import { isDeepStrictEqual } from 'node:util';
import type { KubernetesObject, V1Secret } from '@kubernetes/client-node';
import {
  type ApplyDocumentResult,
  ApplyRequest,
  type ApplyResponse,
  KINDS,
  NamespaceName,
  ObjectName,
  SECRET_VALUE_PLACEHOLDER,
  WRITABLE_KINDS,
  type WritableKind,
} from '@wheelhouse/shared-types';
import { Router } from 'express';
import type { Caller } from '../kube/callers';
import { ApiServerError } from '../kube/client';
import { objectPath } from '../kube/resources';
import { readYamlDocuments, type YamlDocument } from '../kube/yaml-documents';
import { callerOf, timedRequests } from './caller';
import { HttpError, toErrorBody } from './errors';
import type { WriteDeps } from './object-writes';
import { parseInput } from './validate';
import { answerObject, auditor, writeQuery } from './write-support';

/** Documents one request may hold (each costs a GET and a write, one after another). */
export const MAX_APPLY_DOCUMENTS = 100;
const APPLY_PATCH = 'application/apply-patch+yaml';

const KIND_NAMES = WRITABLE_KINDS.map((k) => `${KINDS[k].kind} (${KINDS[k].apiVersion})`).join(', ');

interface Target {
  kind: WritableKind;
  namespace: string;
  name: string;
  obj: KubernetesObject;
}

function refuse(field: string, message: string): never {
  throw new HttpError(400, 'BadRequest', message, { field });
}

/** What a document is and where it goes, or a 400 naming what is wrong with it. */
function targetOf(doc: YamlDocument, defaultNamespace: string): Target {
  if (!doc.ok) {
    throw new HttpError(400, 'BadRequest', doc.problem.message, {
      field: 'yaml',
      position: doc.problem.position,
    });
  }
  const obj = doc.value as KubernetesObject;
  const kind = WRITABLE_KINDS.find((k) => KINDS[k].kind === obj.kind);
  if (!kind) {
    const what = typeof obj.kind === 'string' ? `a ${obj.kind}` : 'without a kind';
    refuse('kind', `this document is ${what}: Wheelhouse creates ${KIND_NAMES}`);
  }
  if (obj.apiVersion !== KINDS[kind].apiVersion) {
    refuse(
      'apiVersion',
      `a ${KINDS[kind].kind} is created as ${KINDS[kind].apiVersion}, not ${JSON.stringify(obj.apiVersion) ?? 'without an apiVersion'}`,
    );
  }
  const metadata = obj.metadata;
  if (typeof metadata !== 'object' || metadata === null || typeof metadata.name !== 'string') {
    refuse(
      'metadata.name',
      'metadata.name is missing: every document names its object (generateName is not supported)',
    );
  }
  const name = ObjectName.safeParse(metadata.name);
  if (!name.success)
    refuse('metadata.name', `metadata.name "${metadata.name.slice(0, 100)}" is not a valid object name`);
  const namespace = NamespaceName.safeParse(metadata.namespace ?? defaultNamespace);
  if (!namespace.success) {
    refuse(
      'metadata.namespace',
      `metadata.namespace ${JSON.stringify(metadata.namespace).slice(0, 100)} is not a valid namespace`,
    );
  }
  metadata.namespace = namespace.data;
  if (kind === 'secrets') {
    const secret = obj as V1Secret;
    for (const field of ['data', 'stringData'] as const) {
      for (const [key, value] of Object.entries(secret[field] ?? {})) {
        if (value === SECRET_VALUE_PLACEHOLDER) {
          refuse(
            `${field}.${key}`,
            `${field}.${key} holds the placeholder of a hidden value: type the value itself`,
          );
        }
      }
    }
  }
  return { kind, namespace: namespace.data, name: name.data, obj };
}

/** The object without what every write changes by itself, to tell "configured" from "unchanged". */
function essence(obj: KubernetesObject): unknown {
  const { status: _status, ...rest } = obj as KubernetesObject & { status?: unknown };
  const { managedFields: _m, resourceVersion: _rv, generation: _g, ...metadata } = obj.metadata ?? {};
  return { ...rest, metadata };
}

export function applyRoutes(deps: WriteDeps): Router {
  const { callers } = deps;
  const timed = timedRequests(deps.metrics);
  const audited = auditor(deps.log);
  const r = Router();

  async function applyOne(caller: Caller, doc: YamlDocument, namespace: string, dryRun: boolean) {
    let result: ApplyDocumentResult = { index: doc.index, outcome: 'error' };
    try {
      const t = targetOf(doc, namespace);
      result = { ...result, kind: KINDS[t.kind].kind, name: t.name, namespace: t.namespace };
      const path = objectPath(t.kind, t.namespace, t.name);
      const live = await timed<KubernetesObject>('get', caller, path).catch((err: unknown) => {
        if (err instanceof ApiServerError && err.code === 404) return undefined;
        throw err;
      });
      // A new object is made by server-side apply too (the apiserver creates what does not exist), so
      // its fields belong to the same manager as a later apply of the same YAML: no conflict with itself.
      const applied = await audited(
        {
          caller,
          verb: live ? 'patch' : 'create',
          kind: t.kind,
          namespace: t.namespace,
          name: t.name,
          dryRun,
        },
        () =>
          timed<KubernetesObject>('patch', caller, path, {
            method: 'PATCH',
            contentType: APPLY_PATCH,
            query: { ...writeQuery('apply', dryRun), force: 'false' },
            body: t.obj,
          }),
        live ? 200 : 201,
      );
      if (!live) return { ...result, outcome: 'created', object: answerObject(t.kind, applied) } as const;
      const outcome = isDeepStrictEqual(essence(live), essence(applied)) ? 'unchanged' : 'configured';
      return {
        ...result,
        outcome,
        object: answerObject(t.kind, applied),
        live: answerObject(t.kind, live),
      } as const;
    } catch (err) {
      if (!(err instanceof ApiServerError || err instanceof HttpError)) throw err;
      return { ...result, error: toErrorBody(err) };
    }
  }

  r.post('/objects/apply', async (req, res) => {
    const { yaml, namespace, dryRun, context } = parseInput(ApplyRequest, req.body, 'body');
    const caller = callerOf(callers, req, context);
    const docs = readYamlDocuments(yaml);
    if (docs.length > MAX_APPLY_DOCUMENTS) {
      refuse('yaml', `the YAML holds ${docs.length} documents: at most ${MAX_APPLY_DOCUMENTS} at once`);
    }
    const results: ApplyDocumentResult[] = [];
    // One after another, in the order of the YAML, as kubectl applies a file.
    for (const doc of docs) results.push(await applyOne(caller, doc, namespace, dryRun));
    res.json({ dryRun, results } satisfies ApplyResponse);
  });

  return r;
}
