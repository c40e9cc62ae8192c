import type { WritableKind } from '@wheelhouse/shared-types';
import { useMemo, useState } from 'react';
import { primaryButton, secondaryButton } from '../../../components/buttons';
import type { EditStage } from '../hooks/use-edit-session';
import { type EditDoc, toYaml } from '../lib/edit-doc';
import { changedPaths, formatPath } from '../lib/three-way';
import { YamlDiff } from './code/YamlDiff';
import { FieldList } from './ReviewView';

/**
 * The 409 view: the object changed since the edit started, so nothing was written. Shows what
 * changed underneath (the version the edit started from → the current one), the user's own edit,
 * and offers to re-apply the user's change onto the current version (refused, with the fields, when
 * both touched the same ones), to start over from the current version, or to copy the edit.
 */
export function ConflictView({
  kind,
  label,
  base,
  baseVersion,
  text,
  stage,
  onReapply,
  onStartOver,
  busy,
  mine,
}: {
  kind: WritableKind;
  label: string;
  base: EditDoc;
  baseVersion: string;
  text: string;
  stage: Extract<EditStage, { stage: 'conflict' }>;
  onReapply: () => void;
  onStartOver: () => void;
  busy: boolean;
  /** What the user changed, formatted. */
  mine: readonly string[];
}) {
  const [copied, setCopied] = useState(false);
  const theirs = useMemo(() => changedPaths(base, stage.current).map(formatPath), [base, stage.current]);
  const currentVersion = stage.currentObject.metadata?.resourceVersion ?? '';
  return (
    <div className="space-y-3" data-testid="conflict-view">
      <div
        role="alert"
        className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950/40"
      >
        <p className="font-medium text-amber-900 dark:text-amber-200">
          {label} changed since you started editing (resourceVersion {baseVersion} → {currentVersion}).
          Nothing was written; your edit is kept below.
        </p>
        {kind === 'secrets' && (
          <p className="mt-1 text-amber-900 text-xs dark:text-amber-200">
            A Secret value that changed to one of the same size cannot be seen from here.
          </p>
        )}
      </div>
      <FieldList title="Your changes" fields={mine} testId="conflict-mine-fields" />
      <FieldList
        title="Changed underneath"
        fields={theirs.length > 0 ? theirs : ['status or metadata only']}
        testId="conflict-theirs"
      />
      {stage.refused && (
        <div
          role="alert"
          data-testid="conflict-refused"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900 text-sm dark:border-red-800/60 dark:bg-red-950/40 dark:text-red-200"
        >
          <p className="font-medium">Your changes cannot be re-applied: these fields were changed by both.</p>
          <ul className="mt-1 list-disc pl-5 font-mono text-xs">
            {stage.refused.overlapping.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
          <p className="mt-1 text-xs">
            Start over from the current version (copy your edit first), or cancel.
          </p>
        </div>
      )}
      <YamlDiff
        before={toYaml(base)}
        after={toYaml(stage.current)}
        beforeLabel={`When you started (resourceVersion ${baseVersion})`}
        afterLabel={`Now (resourceVersion ${currentVersion})`}
        testId="conflict-diff"
      />
      <details className="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-800">
        <summary className="cursor-pointer font-medium">Your edit</summary>
        <pre
          data-testid="conflict-mine"
          className="mt-2 max-h-72 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs dark:bg-slate-900"
        >
          {text}
        </pre>
      </details>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={primaryButton}
          onClick={onReapply}
          disabled={busy || stage.refused !== undefined}
          data-testid="reapply"
        >
          Re-apply my changes onto the current version
        </button>
        <button
          type="button"
          className={secondaryButton}
          onClick={onStartOver}
          disabled={busy}
          data-testid="start-over"
        >
          Start over from the current version
        </button>
        <button
          type="button"
          className={secondaryButton}
          onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true))}
        >
          {copied ? 'Copied' : 'Copy my edit'}
        </button>
      </div>
    </div>
  );
}
