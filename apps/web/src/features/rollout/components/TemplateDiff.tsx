import type { V1PodTemplateSpec } from '@kubernetes/client-node';
import { useMemo } from 'react';
import { diffTemplates, foldContext } from '../lib/template-diff';

/** A unified line diff of two pod templates (as YAML), unchanged runs folded. */
export function TemplateDiff({
  from,
  to,
  fromLabel,
  toLabel,
}: {
  from: V1PodTemplateSpec | undefined;
  to: V1PodTemplateSpec | undefined;
  fromLabel: string;
  toLabel: string;
}) {
  const lines = useMemo(() => foldContext(diffTemplates(from, to)), [from, to]);
  const changed = lines.some((l) => l.kind === 'added' || l.kind === 'removed');
  return (
    <div
      data-testid="template-diff"
      className="overflow-hidden rounded-md border border-slate-200 dark:border-slate-800"
    >
      <div className="flex gap-4 border-slate-200 border-b bg-slate-50 px-3 py-1.5 font-mono text-xs dark:border-slate-800 dark:bg-slate-900">
        <span className="text-rose-700 dark:text-rose-400">--- {fromLabel}</span>
        <span className="text-emerald-700 dark:text-emerald-400">+++ {toLabel}</span>
      </div>
      {changed ? (
        <pre className="max-h-80 overflow-auto py-1 font-mono text-xs leading-5">
          {lines.map((l, i) =>
            l.kind === 'fold' ? (
              <div key={i} className="px-3 text-slate-400 italic">
                ⋯ {l.count} unchanged lines
              </div>
            ) : (
              <div
                key={i}
                className={
                  l.kind === 'added'
                    ? 'bg-emerald-50 px-3 text-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-300'
                    : l.kind === 'removed'
                      ? 'bg-rose-50 px-3 text-rose-800 dark:bg-rose-950/50 dark:text-rose-300'
                      : 'px-3 text-slate-600 dark:text-slate-400'
                }
              >
                {l.kind === 'added' ? '+ ' : l.kind === 'removed' ? '- ' : '  '}
                {l.text}
              </div>
            ),
          )}
        </pre>
      ) : (
        <p className="px-3 py-2 text-slate-500 text-sm">The pod templates are identical.</p>
      )}
    </div>
  );
}
