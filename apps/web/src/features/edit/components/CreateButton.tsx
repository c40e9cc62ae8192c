import { lazy, Suspense, useId, useState } from 'react';
import { secondaryButton } from '../../../components/buttons';
import { usePermissionChecks } from '../../../lib/permissions';
import { CREATE_CHECKS } from '../lib/create-checks';

const CreateDialog = lazy(() => import('./CreateDialog'));

/**
 * "Create" in the header: opens the create-from-YAML dialog for the namespace in view. Disabled,
 * with the reason, when RBAC allows creating none of the kinds there.
 */
export function CreateButton({ namespace }: { namespace: string }) {
  const [open, setOpen] = useState(false);
  const reasonId = useId();
  const permissions = usePermissionChecks(namespace, CREATE_CHECKS);
  const denied = CREATE_CHECKS.every((c) => permissions[c].allowed === false)
    ? `You may not create objects in namespace ${namespace}`
    : undefined;
  return (
    <>
      <button
        type="button"
        className={`${secondaryButton} !py-1`}
        onClick={() => setOpen(true)}
        disabled={denied !== undefined}
        title={denied}
        aria-describedby={denied ? reasonId : undefined}
        data-testid="create-button"
      >
        Create
      </button>
      {denied && (
        <span id={reasonId} className="sr-only" data-testid="create-reason">
          {denied}
        </span>
      )}
      {open && (
        <Suspense fallback={null}>
          <CreateDialog namespace={namespace} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
