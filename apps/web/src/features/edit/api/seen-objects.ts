import { isPodListRow } from '@wheelhouse/core';
import type { KindObject, PodListRow, WritableKind } from '@wheelhouse/shared-types';
import { ApiError } from '../../../lib/api';
import { getObject } from '../../../lib/get-object';

/**
 * The objects a delete confirmation starts from, given what a list holds. Objects are used as they
 * are. A Pods list holds rows (no spec, no owners), so each selected pod is read whole with GET:
 * the dialog says which controller replaces it, and a 409 is judged on what changed in its spec.
 * The version read is the one the delete then requires; a pod already gone (404) is left out.
 */
export async function seenObjects(
  kind: WritableKind,
  items: readonly (KindObject<WritableKind> | PodListRow)[],
): Promise<KindObject<WritableKind>[]> {
  const read = await Promise.all(
    items.map(async (item) => {
      if (!isPodListRow(item)) return item;
      try {
        return await getObject(kind, item.metadata.namespace ?? '', item.metadata.name ?? '');
      } catch (error) {
        if (error instanceof ApiError && error.body.code === 404) return undefined;
        throw error;
      }
    }),
  );
  return read.filter((o): o is KindObject<WritableKind> => o !== undefined);
}
