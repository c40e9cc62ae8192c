import type { DeploymentRevision } from '@wheelhouse/shared-types';
import { TemplateDiff } from './TemplateDiff';

/** Undo's choice of revision (the previous one first chosen) and what its template changes. */
export function UndoForm({
  history,
  toRevision,
  onChange,
  previous,
  current,
}: {
  history: readonly DeploymentRevision[] | undefined;
  toRevision: number | undefined;
  onChange: (revision: number) => void;
  previous: DeploymentRevision | undefined;
  current: DeploymentRevision | undefined;
}) {
  const target = history?.find((r) => r.revision === toRevision);
  return (
    <div className="space-y-3">
      <label className="block text-sm">
        Revision
        <select
          value={toRevision ?? ''}
          onChange={(e) => onChange(Number(e.target.value))}
          data-testid="undo-revision"
          className="mt-1 block rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
        >
          {(history ?? [])
            .filter((r) => !r.current)
            .map((r) => (
              <option key={r.revision} value={r.revision}>
                {r.revision}
                {r.revision === previous?.revision ? ' (previous)' : ''} — {r.images.join(', ')}
              </option>
            ))}
        </select>
      </label>
      {history !== undefined && previous === undefined && (
        <p className="text-sm text-slate-500">There is no earlier revision to roll back to.</p>
      )}
      {target && (
        <TemplateDiff
          from={current?.template}
          to={target.template}
          fromLabel={`revision ${current?.revision ?? '?'} (now)`}
          toLabel={`revision ${target.revision}`}
        />
      )}
    </div>
  );
}
