import type { KindObject, WritableKind } from '@wheelhouse/shared-types';
import { getObject } from '../../../lib/get-object';
import type { Propagation } from '../lib/delete-plan';
import { editDoc, secretValueChanges } from '../lib/edit-doc';
import { changedPaths, formatPath } from '../lib/three-way';
import { deleteObject, isConflict } from './writes';

export type DeleteOutcome = { ok: true } | { ok: false; conflict?: string[]; error?: unknown };

/**
 * Deletes `seen` with its resourceVersion as the precondition. On a 409 it reads the object again:
 * when only what a controller writes moved on (the status — a Pod turning Ready, a Deployment's
 * counts), what the user confirmed is still what is stored, so the delete is sent once more at the
 * current version (as the rollout cockpit does for its actions); otherwise it is not deleted and the
 * fields that changed are returned.
 */
export async function deleteAsSeen(
  kind: WritableKind,
  seen: KindObject<WritableKind>,
  propagationPolicy: Propagation | undefined,
): Promise<DeleteOutcome> {
  const target = { kind, namespace: seen.metadata?.namespace ?? '', name: seen.metadata?.name ?? '' };
  const send = (resourceVersion: string) =>
    deleteObject(target, { resourceVersion, ...(propagationPolicy ? { propagationPolicy } : {}) });
  try {
    await send(seen.metadata?.resourceVersion ?? '');
    return { ok: true };
  } catch (error) {
    if (!isConflict(error)) return { ok: false, error };
  }
  let current: KindObject<WritableKind>;
  try {
    current = await getObject(kind, target.namespace, target.name);
  } catch (error) {
    return { ok: false, error };
  }
  const moved = [
    ...changedPaths(editDoc(kind, seen), editDoc(kind, current)),
    ...secretValueChanges(kind, seen, current),
  ].map(formatPath);
  if (moved.length > 0) return { ok: false, conflict: moved };
  try {
    await send(current.metadata?.resourceVersion ?? '');
    return { ok: true };
  } catch (error) {
    return isConflict(error) ? { ok: false, conflict: ['(it changed again)'] } : { ok: false, error };
  }
}
