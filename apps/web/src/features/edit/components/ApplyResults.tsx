import type { ApplyDocumentResult, ApplyResponse } from '@wheelhouse/shared-types';
import { useState } from 'react';
import { toYaml } from '../lib/edit-doc';
import { YamlDiff } from './code/YamlDiff';

const OUTCOME_WORDS: Record<ApplyDocumentResult['outcome'], { dry: string; done: string; tone: string }> = {
  created: { dry: 'would be created', done: 'created', tone: 'text-emerald-800 dark:text-emerald-300' },
  configured: { dry: 'would be changed', done: 'configured', tone: 'text-sky-800 dark:text-sky-300' },
  unchanged: { dry: 'unchanged', done: 'unchanged', tone: 'text-slate-600 dark:text-slate-300' },
  error: { dry: 'refused', done: 'refused', tone: 'text-red-800 dark:text-red-300' },
};

/** Without the fields that only add noise to a per-document diff. */
function clean(obj: unknown): unknown {
  if (typeof obj !== 'object' || obj === null) return obj;
  const { status: _status, ...rest } = obj as Record<string, unknown>;
  const meta = { ...(rest.metadata as Record<string, unknown> | undefined) };
  delete meta.managedFields;
  return { ...rest, metadata: meta };
}

/** One document's diff, made only when opened (each is a pair of editors). */
function DocumentDiff({ result, submitted }: { result: ApplyDocumentResult; submitted: unknown }) {
  const [open, setOpen] = useState(false);
  if (result.object === undefined) return null;
  const before = result.live ?? submitted;
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)} className="mt-1">
      <summary className="cursor-pointer text-sky-800 text-xs dark:text-sky-300">
        {result.live
          ? 'Stored now → after'
          : 'Your document → what the apiserver would store (defaults included)'}
      </summary>
      {open && (
        <div className="mt-2">
          <YamlDiff
            before={toYaml(clean(before))}
            after={toYaml(clean(result.object))}
            beforeLabel={result.live ? 'Stored now' : 'Your document'}
            afterLabel="Stored after"
            testId={`apply-diff-${result.index}`}
          />
        </div>
      )}
    </details>
  );
}

/** Per document: its kind and name, what happened (or would), the apiserver's error, and its diff. */
export function ApplyResults({
  response,
  submitted,
}: {
  response: ApplyResponse;
  submitted: readonly unknown[];
}) {
  return (
    <ol className="space-y-2 text-sm" data-testid="apply-results">
      {response.results.map((r) => {
        const words = OUTCOME_WORDS[r.outcome];
        return (
          <li
            key={r.index}
            data-testid={`apply-result-${r.index}`}
            className="rounded-md border border-slate-200 px-3 py-2 dark:border-slate-800"
          >
            <span className="text-slate-500 text-xs dark:text-slate-400">#{r.index + 1} </span>
            <span className="font-medium font-mono">
              {r.kind ?? '?'}/{r.name ?? '?'}
            </span>
            {r.namespace && <span className="text-slate-500 dark:text-slate-400"> in {r.namespace}</span>}{' '}
            <span className={`font-medium ${words.tone}`} data-testid="outcome">
              {response.dryRun ? words.dry : words.done}
            </span>
            {r.error && (
              <div role="alert" className="mt-1 break-words font-mono text-red-800 text-xs dark:text-red-300">
                <p>
                  {r.error.reason} ({r.error.code}): {r.error.message}
                </p>
                {r.error.causes && r.error.causes.length > 0 && (
                  <ul className="mt-1 list-disc pl-5">
                    {r.error.causes.map((c) => (
                      <li key={`${c.field ?? ''}:${c.message}`}>
                        {c.field ? `${c.field}: ` : ''}
                        {c.message}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            )}
            {(r.outcome === 'configured' || r.outcome === 'created') && (
              <DocumentDiff result={r} submitted={submitted[r.index]} />
            )}
          </li>
        );
      })}
    </ol>
  );
}
