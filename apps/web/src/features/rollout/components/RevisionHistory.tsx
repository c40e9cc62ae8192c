import type { UseQueryResult } from '@tanstack/react-query';
import type { DeploymentRevision, HistoryResponse } from '@wheelhouse/shared-types';
import { secondaryButton } from '../../../components/buttons';
import { Age } from '../../../components/live-table/Age';
import { ErrorPanel } from '../../../components/notices';
import { Cell, Row, Table } from '../../../components/table';
import { useUrlParam } from '../../../lib/url-state';
import type { ActionPermission } from '../lib/action-rules';
import { TemplateDiff } from './TemplateDiff';

/** A revision picker of the template comparison. */
function RevisionSelect({
  label,
  value,
  revisions,
  onChange,
}: {
  label: 'from' | 'to';
  value: number | undefined;
  revisions: readonly DeploymentRevision[];
  onChange: (revision: number) => void;
}) {
  return (
    <label className="text-sm">
      {label}{' '}
      <select
        value={value ?? ''}
        onChange={(e) => onChange(Number(e.target.value))}
        className="rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
        data-testid={`diff-${label}`}
      >
        {revisions.map((r) => (
          <option key={r.revision} value={r.revision}>
            {r.revision}
            {r.current ? ' (current)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

/** `kubectl rollout history`, each earlier revision with a rollback button, and template diffs. */
function History({
  revisions,
  canUndo,
  onUndo,
}: {
  revisions: readonly DeploymentRevision[];
  canUndo: ActionPermission;
  onUndo: (revision: number) => void;
}) {
  const current = revisions.find((r) => r.current);
  const previous = [...revisions].filter((r) => !r.current).sort((a, b) => b.revision - a.revision)[0];
  // The picks live in the URL (`?from=1&to=2`), so a link shows the same comparison; a revision
  // that no longer exists (pruned by revisionHistoryLimit) falls back to previous → current.
  const [fromParam, setFromParam] = useUrlParam('from');
  const [toParam, setToParam] = useUrlParam('to');
  const pick = (param: string | undefined) => revisions.find((r) => String(r.revision) === param);
  const from = pick(fromParam) ?? revisions.find((r) => r.revision === previous?.revision);
  const to = pick(toParam) ?? revisions.find((r) => r.revision === current?.revision);
  const setFromRev = (revision: number) => setFromParam(String(revision));
  const setToRev = (revision: number) => setToParam(String(revision));
  return (
    <div className="space-y-3">
      <Table
        label="Revision history"
        headers={['REVISION', 'CHANGE-CAUSE', 'IMAGES', 'REPLICASET', 'CREATED', '']}
        testId="history"
        framed
        mono
      >
        {[...revisions].reverse().map((r) => (
          <Row key={r.revision} testId={`revision-${r.revision}`}>
            <Cell>
              {r.revision}
              {r.current && (
                <span className="ml-2 rounded bg-emerald-100 px-1 font-sans text-emerald-800 text-xs dark:bg-emerald-900 dark:text-emerald-200">
                  current
                </span>
              )}
            </Cell>
            <Cell mono={false}>{r.changeCause ?? <span className="text-slate-400">&lt;none&gt;</span>}</Cell>
            <Cell className="text-xs">{r.images.join(', ')}</Cell>
            <Cell className="text-xs">{r.replicaSet}</Cell>
            <Cell>
              <Age since={r.createdAt ? Date.parse(r.createdAt) : undefined} />
            </Cell>
            <Cell mono={false} className="!py-1 text-right">
              {!r.current && (
                <button
                  type="button"
                  className={`${secondaryButton} whitespace-nowrap !py-0.5 text-xs`}
                  disabled={canUndo.allowed === false}
                  title={canUndo.allowed === false ? canUndo.reason : `Roll back to revision ${r.revision}`}
                  onClick={() => onUndo(r.revision)}
                  data-testid={`undo-to-${r.revision}`}
                >
                  Roll back to this
                </button>
              )}
            </Cell>
          </Row>
        ))}
      </Table>
      {revisions.length > 1 && (
        <div className="space-y-2">
          <div className="flex flex-wrap items-center gap-3">
            <span className="text-sm">Compare pod templates:</span>
            <RevisionSelect label="from" value={from?.revision} revisions={revisions} onChange={setFromRev} />
            <RevisionSelect label="to" value={to?.revision} revisions={revisions} onChange={setToRev} />
          </div>
          <TemplateDiff
            from={from?.template}
            to={to?.template}
            fromLabel={`revision ${from?.revision ?? '?'}`}
            toLabel={`revision ${to?.revision ?? '?'}`}
          />
        </div>
      )}
    </div>
  );
}

/** The revision history as it loads: its error, "Loading…", or the table. */
export function RevisionHistory({
  history,
  canUndo,
  onUndo,
}: {
  history: UseQueryResult<HistoryResponse>;
  canUndo: ActionPermission;
  onUndo: (revision: number) => void;
}) {
  if (history.isError) {
    return (
      <ErrorPanel
        error={history.error}
        forbidden="You may not read the revision history (the ReplicaSets) here"
        failed="Cannot read the revision history"
        testId="history"
      />
    );
  }
  if (!history.data) return <p className="text-slate-500 text-sm">Loading history…</p>;
  return <History revisions={history.data.revisions} canUndo={canUndo} onUndo={onUndo} />;
}
