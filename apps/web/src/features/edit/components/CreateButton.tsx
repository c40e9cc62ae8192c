import { lazy, Suspense, useId, useState } from 'react';
import { secondaryButton } from '../../../components/buttons';
import { usePermissionChecks } from '../../../lib/permissions';
import { CREATE_CHECKS } from '../lib/create-checks';

const CreateDialog = lazy(() => import('./CreateDialog'));

/** "Create" in the header: opens the create-from-YAML dialog for the namespace in view. */
export function CreateButton({ namespace }: { namespace: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={`${secondaryButton} !py-1`}
        onClick={() => setOpen(true)}
        data-testid="create-button"
      >
        Create
      </button>
      {open && (
        <Suspense fallback={null}>
          <CreateDialog namespace={namespace} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
