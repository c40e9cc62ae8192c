import type { KindObject, WritableKind, WriteResult } from '@wheelhouse/shared-types';
import { KINDS } from '@wheelhouse/shared-types/constants';
import { useEffect, useMemo, useRef } from 'react';
import { primaryButton, secondaryButton } from '../../../components/buttons';
import { useEditSession } from '../hooks/use-edit-session';
import { editDoc, secretValueChanges } from '../lib/edit-doc';
import { changedPaths, formatPath } from '../lib/three-way';
import { ConflictView } from './ConflictView';
import { YamlEditor } from './code/YamlEditor';
import { ReviewView } from './ReviewView';
import { WriteError } from './WriteError';

/**
 * The YAML tab in edit mode (loaded on demand, with CodeMirror): edit → Review (server-side dry run
 * and its diff) → Apply (with the resourceVersion the edit started from). Errors and the 409 view
 * appear beside the user's text, which stays until the user cancels.
 */
export default function EditYamlPanel({
  kind,
  object,
  live,
  onClose,
  onApplied,
}: {
  kind: WritableKind;
  /** The object as it was when the user pressed Edit. */
  object: KindObject<WritableKind>;
  /** The object now (the live list): to say when it changed underneath. */
  live: KindObject<WritableKind> | undefined;
  onClose: () => void;
  onApplied: (result: WriteResult) => void;
}) {
  const namespace = object.metadata?.namespace ?? '';
  const name = object.metadata?.name ?? '';
  const label = `${KINDS[kind].kind.toLowerCase()}/${name}`;
  const s = useEditSession({ kind, namespace, name }, object, onApplied);
  const movedOn = useMemo(() => {
    if (live === undefined || live.metadata?.resourceVersion === s.base.resourceVersion) return [];
    return [
      ...changedPaths(s.base.doc, editDoc(kind, live)),
      ...secretValueChanges(kind, s.base.object, live),
    ].map(formatPath);
  }, [live, s.base, kind]);

  // Keyboard users land on the next step: Apply after a review, Re-apply on a conflict.
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    const target =
      s.stage.stage === 'review'
        ? '[data-testid="apply"]'
        : s.stage.stage === 'conflict'
          ? '[data-testid="reapply"]'
          : null;
    if (target) panel.current?.querySelector<HTMLElement>(target)?.focus();
  }, [s.stage.stage]);

  return (
    <section ref={panel} aria-label={`Edit ${label}`} className="space-y-3" data-testid="edit-panel">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="font-semibold text-sm">
          Editing {label}{' '}
          <span className="font-normal text-slate-500 dark:text-slate-400">
            from resourceVersion {s.base.resourceVersion}
          </span>
        </h2>
        <div className="ml-auto flex gap-2">
          {s.stage.stage === 'review' ? (
            <>
              <button type="button" className={secondaryButton} onClick={s.backToEdit} disabled={s.busy}>
                Back to editing
              </button>
              <button
                type="button"
                className={primaryButton}
                onClick={s.apply}
                disabled={s.busy}
                data-testid="apply"
              >
                {s.busy ? 'Applying…' : 'Apply'}
              </button>
            </>
          ) : s.stage.stage === 'editing' ? (
            <button
              type="button"
              className={primaryButton}
              onClick={s.review}
              disabled={s.busy || s.problems.length > 0}
              data-testid="review-button"
            >
              {s.busy ? 'Reviewing…' : 'Review changes'}
            </button>
          ) : null}
          <button type="button" className={secondaryButton} onClick={onClose} data-testid="cancel-edit">
            Cancel
          </button>
        </div>
      </div>
      {movedOn.length > 0 && s.stage.stage !== 'conflict' && (
        <p
          role="status"
          data-testid="moved-on"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900 text-sm dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-200"
        >
          {label} changed since you started editing ({movedOn.join(', ')}). Applying will show what changed;
          your edit is kept.
        </p>
      )}
      {s.error !== undefined && (
        <WriteError error={s.error} what={s.stage.stage === 'review' ? 'Not applied' : 'Refused'} />
      )}
      {s.stage.stage === 'conflict' ? (
        <ConflictView
          kind={kind}
          label={label}
          base={s.base.doc}
          baseVersion={s.base.resourceVersion}
          text={s.text}
          stage={s.stage}
          onReapply={s.reapply}
          onStartOver={s.startOver}
          busy={s.busy}
          mine={s.mine}
        />
      ) : s.stage.stage === 'review' ? (
        <ReviewView
          kind={kind}
          live={s.base.object}
          edited={s.edited}
          result={s.stage.result}
          mine={s.mine}
        />
      ) : (
        <>
          <YamlEditor
            value={s.text}
            onChange={s.setText}
            label={`${label} as YAML, editable (Ctrl+Enter reviews)`}
            expected={s.expected}
            autoFocus
            onSubmit={s.review}
          />
          {s.problems.length > 0 ? (
            <ul
              aria-live="polite"
              data-testid="yaml-problems"
              className="space-y-0.5 text-red-800 text-xs dark:text-red-300"
            >
              {s.problems.map((p) => (
                <li key={`${p.from}:${p.message}`}>
                  Line {p.line}, column {p.column}: {p.message}
                </li>
              ))}
            </ul>
          ) : (
            <p aria-live="polite" className="text-slate-500 text-xs dark:text-slate-400">
              {kind === 'secrets'
                ? 'Values show as placeholders: leave one as it is to keep the stored value; replace it with base64 to set it. Ctrl+Enter reviews.'
                : 'Review (Ctrl+Enter) sends it to the apiserver as a dry run first; nothing is written until you apply.'}
            </p>
          )}
        </>
      )}
    </section>
  );
}
