/**
 * The key editors of ConfigMaps and Secrets (writes.ts), as the caller:
 *
 *  PATCH /api/objects/:kind/:ns/:name/keys   KeysRequest → WriteResult   (configmaps, secrets)
 *
 * The object is read first: a resourceVersion other than the one the user saw is a 409 before
 * anything is computed, and the merge patch (kube/data-keys.ts: only the named keys) carries that
 * resourceVersion too, so the apiserver enforces it against a change in between. An immutable
 * ConfigMap or Secret is refused by the apiserver (422), in its words.
 */
import type { V1ConfigMap, V1Secret } from '@kubernetes/client-node';
import { KeysRequest, type WriteResult } from '@wheelhouse/shared-types';
import { Router } from 'express';
import { planKeyChanges } from '../kube/data-keys';
import { timedRequests } from './caller';
import { HttpError } from './errors';
import type { WriteDeps } from './object-writes';
import { parseInput } from './validate';
import { answerObject, auditor, writeQuery, writeTarget } from './write-support';

const MERGE_PATCH = 'application/merge-patch+json';

export function dataKeyRoutes(deps: WriteDeps): Router {
  const { callers } = deps;
  const timed = timedRequests(deps.metrics);
  const audited = auditor(deps.log);
  const r = Router();

  r.patch('/objects/:kind/:ns/:name/keys', async (req, res) => {
    const { resourceVersion, changes, dryRun, context } = parseInput(KeysRequest, req.body, 'body');
    const { kind, namespace, name, caller, path } = writeTarget(callers, req, context);
    if (kind !== 'configmaps' && kind !== 'secrets') {
      throw new HttpError(400, 'BadRequest', `only configmaps and secrets have keys to edit, not ${kind}`, {
        field: 'kind',
      });
    }
    const live = await timed<V1ConfigMap | V1Secret>('get', caller, path);
    if (live.metadata?.resourceVersion !== resourceVersion) {
      // The apiserver's own words for a failed precondition.
      throw new HttpError(
        409,
        'Conflict',
        `Operation cannot be fulfilled on ${kind} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      );
    }
    const { patch, changedKeys } = planKeyChanges(kind, live, changes, resourceVersion);
    const object = await audited({ caller, verb: 'patch', kind, namespace, name, dryRun }, () =>
      timed<V1ConfigMap | V1Secret>('patch', caller, path, {
        method: 'PATCH',
        contentType: MERGE_PATCH,
        query: writeQuery('keys', dryRun),
        body: patch,
      }),
    );
    const body: WriteResult = {
      object: answerObject(kind, object),
      live: answerObject(kind, live),
      dryRun,
      ...(kind === 'secrets' ? { changedSecretKeys: changedKeys } : {}),
    };
    res.json(body);
  });

  return r;
}
