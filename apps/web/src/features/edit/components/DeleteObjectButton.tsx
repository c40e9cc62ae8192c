import type { KindObject, WritableKind } from '@wheelhouse/shared-types';
import { useState } from 'react';
import { secondaryButton } from '../../../components/buttons';
import { useWritePermissions } from '../hooks/use-write-permissions';
import { DeleteDialog } from './DeleteDialog';
import { PermissionNote } from './PermissionNote';

/** "Delete…" on an object's page: disabled with the reason when RBAC says no; confirmed in a dialog. */
export function DeleteObjectButton({
  kind,
  object,
  onDeleted,
}: {
  kind: WritableKind;
  object: KindObject<WritableKind>;
  onDeleted: () => void;
}) {
  const namespace = object.metadata?.namespace ?? '';
  const permission = useWritePermissions(kind, namespace).delete;
  // The object as it was when the dialog opened: its resourceVersion is the delete's precondition.
  const [open, setOpen] = useState<KindObject<WritableKind> | undefined>();
  const denied = permission.allowed === false ? permission.reason : undefined;
  return (
    <>
      <button
        type="button"
        className={`${secondaryButton} !py-1`}
        disabled={denied !== undefined}
        title={denied}
        onClick={() => setOpen(object)}
        data-testid="delete-object"
      >
        Delete…
      </button>
      <PermissionNote permission={permission} testId="delete-object-reason" />
      {open && (
        <DeleteDialog
          kind={kind}
          objects={[open]}
          scope={namespace}
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
