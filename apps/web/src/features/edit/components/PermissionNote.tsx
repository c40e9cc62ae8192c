import type { CheckAnswer } from '../../../lib/permissions';

/** Why a control is disabled, in words beside it (a tooltip alone is invisible to keyboard users). */
export function PermissionNote({ permission, testId }: { permission: CheckAnswer; testId?: string }) {
  if (permission.allowed !== false) return null;
  return (
    <span className="text-slate-500 text-xs dark:text-slate-400" data-testid={testId ?? 'permission-note'}>
      {permission.reason}
    </span>
  );
}
