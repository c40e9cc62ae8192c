import type { KindObject, WritableKind } from '@wheelhouse/shared-types';
import { KINDS } from '@wheelhouse/shared-types/constants';
import { useState } from 'react';
import { secondaryButton } from '../../../components/buttons';
import { DeleteDialog } from './DeleteDialog';

/**
 * "Delete N" in a list's toolbar, for the rows selected (only rows the user may delete can be):
 * opens the delete confirmation for all of them; the selection clears once they are deleted.
 */
export function DeleteSelected({
  kind,
  objects,
  scope,
  onDeleted,
}: {
  kind: WritableKind;
  objects: readonly KindObject<WritableKind>[];
  scope: string | undefined;
  onDeleted: () => void;
}) {
  // The objects as they were when the dialog opened: their resourceVersions are the preconditions.
  const [open, setOpen] = useState<readonly KindObject<WritableKind>[] | undefined>();
  if (objects.length === 0 && open === undefined) return null;
  return (
    <>
      <button
        type="button"
        className={`${secondaryButton} !py-1`}
        onClick={() => setOpen(objects)}
        disabled={objects.length === 0}
        data-testid="delete-selected"
      >
        Delete {objects.length} {objects.length === 1 ? KINDS[kind].kind : KINDS[kind].view.label}…
      </button>
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
