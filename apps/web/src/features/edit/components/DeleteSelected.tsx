import type { KindObject, PodListRow, WritableKind } from '@wheelhouse/shared-types';
import { KINDS } from '@wheelhouse/shared-types/constants';
import { useState } from 'react';
import { secondaryButton } from '../../../components/buttons';
import { describeError } from '../../../lib/api';
import { seenObjects } from '../api/seen-objects';
import { DeleteDialog } from './DeleteDialog';

/**
 * "Delete N" in a list's toolbar, for the rows selected (only rows the user may delete can be):
 * opens the delete confirmation for all of them; the selection clears once they are deleted. A
 * Pods list holds rows, not objects: the selected pods are read whole first (seenObjects).
 */
export function DeleteSelected({
  kind,
  objects,
  scope,
  onDeleted,
}: {
  kind: WritableKind;
  objects: readonly (KindObject<WritableKind> | PodListRow)[];
  scope: string | undefined;
  onDeleted: () => void;
}) {
  // The objects as they were when the dialog opened: their resourceVersions are the preconditions.
  const [open, setOpen] = useState<readonly KindObject<WritableKind>[] | undefined>();
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | undefined>();
  if (objects.length === 0 && open === undefined) return null;
  const start = async () => {
    setReading(true);
    setError(undefined);
    try {
      const seen = await seenObjects(kind, objects);
      // Every one already gone: their rows are about to leave the list; nothing to confirm.
      if (seen.length > 0) setOpen(seen);
    } catch (err) {
      const { title, message } = describeError(err);
      setError(`${title}: ${message}`);
    } finally {
      setReading(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className={`${secondaryButton} !py-1`}
        onClick={() => void start()}
        disabled={objects.length === 0 || reading}
        aria-busy={reading}
        data-testid="delete-selected"
      >
        Delete {objects.length} {objects.length === 1 ? KINDS[kind].kind : KINDS[kind].view.label}…
      </button>
      {error && (
        <span role="alert" className="text-red-700 text-xs dark:text-red-400">
          {error}
        </span>
      )}
      {open && (
        <DeleteDialog
          kind={kind}
          objects={open}
          scope={scope}
          onClose={() => setOpen(undefined)}
          onDeleted={() => {
            setOpen(undefined);
            onDeleted();
          }}
        />
      )}
    </>
  );
}
