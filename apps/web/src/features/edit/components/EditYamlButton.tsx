import type { WritableKind } from '@wheelhouse/shared-types';
import { secondaryButton } from '../../../components/buttons';
import { useWritePermissions } from '../hooks/use-write-permissions';
import { PermissionNote } from './PermissionNote';

/** "Edit" above the read-only YAML: enabled when RBAC allows update on the kind, else disabled with the reason. */
export function EditYamlButton({
  kind,
  namespace,
  onEdit,
}: {
  kind: WritableKind;
  namespace: string;
  onEdit: () => void;
}) {
  const { edit: update } = useWritePermissions(kind, namespace);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={secondaryButton}
        disabled={update.allowed === false}
        title={update.allowed === false ? update.reason : undefined}
        onClick={onEdit}
        data-testid="edit-yaml"
      >
        Edit YAML
      </button>
      <PermissionNote permission={update} testId="edit-yaml-reason" />
    </div>
  );
}
