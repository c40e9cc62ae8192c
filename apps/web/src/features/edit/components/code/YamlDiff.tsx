import { yaml } from '@codemirror/lang-yaml';
import { MergeView } from '@codemirror/merge';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { yamlStyle } from '../../../../components/code/yaml-style';

/**
 * Two YAML texts side by side with their differences marked (@codemirror/merge), both read-only,
 * unchanged stretches folded. Each side is labelled for assistive tech and in words above it.
 */
export function YamlDiff({
  before,
  after,
  beforeLabel,
  afterLabel,
  testId = 'yaml-diff',
}: {
  before: string;
  after: string;
  beforeLabel: string;
  afterLabel: string;
  testId?: string;
}) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (host.current === null) return;
    const side = (doc: string, label: string) => ({
      doc,
      extensions: [
        yaml(),
        yamlStyle,
        EditorState.readOnly.of(true),
        EditorView.editable.of(false),
        EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
      ],
    });
    const merge = new MergeView({
      a: side(before, beforeLabel),
      b: side(after, afterLabel),
      parent: host.current,
      collapseUnchanged: { margin: 3, minSize: 8 },
      gutter: true,
      highlightChanges: true,
    });
    return () => merge.destroy();
  }, [before, after, beforeLabel, afterLabel]);

  return (
    <div data-testid={testId} className="rounded-lg border border-slate-300 dark:border-slate-700">
      <div className="grid grid-cols-2 border-slate-200 border-b bg-slate-50 font-medium text-slate-600 text-xs dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300">
        <span className="px-3 py-1">{beforeLabel}</span>
        <span className="border-slate-200 border-l px-3 py-1 dark:border-slate-800">{afterLabel}</span>
      </div>
      <div ref={host} className="max-h-[60vh] overflow-auto" />
    </div>
  );
}
