import type { V1ConfigMap } from '@kubernetes/client-node';
import type { SecretSummary, WriteResult } from '@wheelhouse/shared-types';
import { useMemo, useState } from 'react';
import { primaryButton, secondaryButton } from '../../../components/buttons';
import { describeError } from '../../../lib/api';
import { getObject } from '../../../lib/get-object';
import { isConflict, usePatchKeys } from '../api/writes';
import {
  describeChanges,
  type KeyFingerprints,
  type KeyRow,
  type KeyValue,
  keysChangedUnderneath,
  planKeyChanges,
  rowsOf,
} from '../lib/key-changes';
import { KeyRowEditor, type StoredValue } from './KeyRowEditor';
import { WriteError } from './WriteError';

type Target = { kind: 'configmaps'; object: V1ConfigMap } | { kind: 'secrets'; object: SecretSummary };

function storedValues(t: Target): Map<string, StoredValue> {
  if (t.kind === 'secrets') {
    return new Map(Object.entries(t.object.dataSizes ?? {}).map(([k, n]) => [k, { hidden: n }]));
  }
  return new Map<string, StoredValue>([
    ...Object.entries(t.object.data ?? {}).map(([k, text]) => [k, { text }] as const),
    ...Object.entries(t.object.binaryData ?? {}).map(([k, base64]) => [k, { base64 }] as const),
  ]);
}

/** What can be compared of each key between versions (a Secret's size; a ConfigMap's value). */
function fingerprints(t: Target): KeyFingerprints {
  return new Map(
    [...storedValues(t)].map(([k, v]) => [k, 'hidden' in v ? `size:${v.hidden}` : JSON.stringify(v)]),
  );
}

/**
 * The key editor of a ConfigMap or Secret: add, rename and remove keys, multi-line values, binary
 * values as files. Saving sends only the keys touched (PATCH …/keys) with the resourceVersion the
 * editor opened at; a Secret's values are sent only when the user revealed-and-changed or set them.
 * On a 409 it says whether any key it touches changed meanwhile, and if none did, offers to save
 * the same changes onto the current version.
 */
export function KeyEditor({
  target,
  reveal,
  onClose,
  onSaved,
}: {
  target: Target;
  /** A Secret value, revealed as the caller (audited) — the page's own reveal. */
  reveal?: (key: string) => Promise<string>;
  onClose: () => void;
  onSaved: (message: string, result: WriteResult) => void;
}) {
  const [base, setBase] = useState(target);
  const meta = base.object.metadata ?? {};
  const api = { kind: base.kind, namespace: meta.namespace ?? '', name: meta.name ?? '' };
  const stored = useMemo(() => storedValues(base), [base]);
  const [rows, setRows] = useState<KeyRow[]>(() => rowsOf(stored.keys()));
  const [revealed, setRevealed] = useState<ReadonlyMap<string, KeyValue>>(new Map());
  const [revealing, setRevealing] = useState<string | undefined>();
  const [revealError, setRevealError] = useState<string | undefined>();
  const [conflict, setConflict] = useState<{ current: Target; keys: string[] } | undefined>();
  const patch = usePatchKeys(api);
  const known = useMemo(() => {
    const out = new Map<string, KeyValue>();
    for (const [k, v] of stored) if (!('hidden' in v)) out.set(k, v);
    for (const [k, v] of revealed) out.set(k, v);
    return out;
  }, [stored, revealed]);
  const plan = useMemo(() => planKeyChanges(rows, known), [rows, known]);
  const secret = base.kind === 'secrets';

  const save = (resourceVersion = meta.resourceVersion ?? '') => {
    setConflict(undefined);
    patch.mutate(
      { resourceVersion, changes: plan.changes, dryRun: false },
      {
        onSuccess: (result) => onSaved(`Saved: ${describeChanges(plan.changes)}.`, result),
        onError: async (error) => {
          if (!isConflict(error)) return;
          const current = {
            kind: base.kind,
            object: await getObject(base.kind, api.namespace, api.name),
          } as Target;
          setConflict({
            current,
            keys: keysChangedUnderneath(plan.changes, fingerprints(base), fingerprints(current)),
          });
        },
      },
    );
  };

  const doReveal = async (key: string) => {
    if (!reveal) return;
    setRevealing(key);
    setRevealError(undefined);
    try {
      const base64 = await reveal(key);
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      let text: string | undefined;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        text = undefined;
      }
      setRevealed((prev) => new Map(prev).set(key, text === undefined ? { base64 } : { text }));
    } catch (error) {
      setRevealError(`${key}: ${describeError(error).message}`);
    } finally {
      setRevealing(undefined);
    }
  };

  const label = `${secret ? 'secret' : 'configmap'}/${api.name}`;
  return (
    <section aria-label={`Edit the keys of ${label}`} className="space-y-3" data-testid="key-editor">
      <ul className="space-y-2">
        {rows.map((row) => (
          <KeyRowEditor
            key={row.id}
            row={row}
            stored={
              row.stored === undefined ? undefined : (revealed.get(row.stored) ?? stored.get(row.stored))
            }
            secret={secret}
            problem={plan.problems.get(row.id)}
            onChange={(next) => setRows((prev) => prev.map((r) => (r.id === next.id ? next : r)))}
            onReveal={
              secret && reveal && row.stored !== undefined
                ? () => void doReveal(row.stored as string)
                : undefined
            }
            revealing={revealing === row.stored}
          />
        ))}
      </ul>
      <button
        type="button"
        className={secondaryButton}
        onClick={() =>
          setRows((prev) => [
            ...prev,
            {
              id: `new:${prev.length}:${Date.now()}`,
              stored: undefined,
              name: '',
              removed: false,
              value: { text: '' },
            },
          ])
        }
        data-testid="add-key"
      >
        Add a key
      </button>
      {revealError && (
        <p role="alert" className="text-red-700 text-xs dark:text-red-400">
          {revealError}
        </p>
      )}
      {patch.error && !isConflict(patch.error) && <WriteError error={patch.error} what="Not saved" />}
      {conflict && (
        <div
          role="alert"
          data-testid="keys-conflict"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950 text-sm dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100"
        >
          {conflict.keys.length === 0 ? (
            <>
              <p>
                {label} changed since you opened the editor, but none of the keys you change did. Nothing was
                saved.
              </p>
              <button
                type="button"
                className={`${primaryButton} mt-2`}
                onClick={() => {
                  setBase(conflict.current);
                  save(conflict.current.object.metadata?.resourceVersion ?? '');
                }}
                data-testid="keys-save-current"
              >
                Save the same changes onto the current version
              </button>
            </>
          ) : (
            <p>
              These keys changed since you opened the editor:{' '}
              <span className="font-mono">{conflict.keys.join(', ')}</span>. Nothing was saved; cancel and
              open the editor again to see the current values.
            </p>
          )}
        </div>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-slate-600 text-xs dark:text-slate-300" data-testid="keys-summary">
          {plan.changes.length === 0 ? 'No change yet.' : `Will ${describeChanges(plan.changes)}.`}
        </p>
        <button type="button" className={`ml-auto ${secondaryButton}`} onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className={primaryButton}
          disabled={plan.changes.length === 0 || plan.problems.size > 0 || patch.isPending}
          onClick={() => save()}
          data-testid="keys-save"
        >
          {patch.isPending ? 'Saving…' : 'Save'}
        </button>
      </div>
    </section>
  );
}
