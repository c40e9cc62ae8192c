import { smallButton } from '../../../components/buttons';
import { useWritePermissions } from '../hooks/use-write-permissions';
import { PermissionNote } from './PermissionNote';

/** "Edit keys" on a ConfigMap's or Secret's data: needs patch on the kind; disabled with the reason otherwise. */
export function EditKeysButton({
  kind,
  namespace,
  onEdit,
}: {
  kind: 'configmaps' | 'secrets';
  namespace: string;
  onEdit: () => void;
}) {
  const { keys: patch } = useWritePermissions(kind, namespace);
  return (
    <>
      <PermissionNote permission={patch} testId="edit-keys-reason" />
      <button
        type="button"
        className={smallButton}
        disabled={patch.allowed === false}
        title={patch.allowed === false ? patch.reason : undefined}
        onClick={onEdit}
        data-testid="edit-keys"
      >
        Edit keys
      </button>
    </>
  );
}
