import type { DeploymentAction } from '@wheelhouse/shared-types';
import { secondaryButton } from '../../../components/buttons';
import { type ActionState, blockedNotes } from '../lib/action-rules';

/** The action buttons, each disabled with its reason (as a tooltip, and in words below them). */
export function RolloutActions({
  states,
  onAction,
}: {
  states: readonly ActionState[];
  onAction: (action: DeploymentAction) => void;
}) {
  const notes = blockedNotes(states);
  return (
    <>
      <div className="flex flex-wrap gap-2" data-testid="actions">
        {states.map((s) => (
          <button
            key={s.action}
            type="button"
            className={secondaryButton}
            disabled={s.reason !== undefined}
            title={s.reason}
            onClick={() => onAction(s.action)}
            data-testid={`action-${s.action}`}
          >
            {s.label}
          </button>
        ))}
      </div>
      {notes.length > 0 && (
        <ul className="space-y-0.5 text-slate-500 text-xs" data-testid="blocked-reasons">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </>
  );
}
