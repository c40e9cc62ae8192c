import { yaml } from '@codemirror/lang-yaml';
import { MergeView } from '@codemirror/merge';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef, useState } from 'react';
import { smallButton } from '../../../../components/buttons';
import { yamlStyle } from '../../../../components/code/yaml-style';

/**
 * The folded stretches in the page's own colours (the merge view's default grey band is for light
 * themes only) and with a glyph every font has.
 */
const foldTheme = EditorView.theme({
  '.cm-collapsedLines': {
    color: 'var(--yaml-comment)',
    background: 'transparent',
    fontFamily: 'var(--font-sans)',
  },
  '.cm-collapsedLines:before': { content: '"↕"' },
  '.cm-collapsedLines:after': { content: '""' },
});

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
  // Folded stretches open with a click; this opens them all, from the keyboard too.
  const [all, setAll] = useState(false);

  useEffect(() => {
    if (host.current === null) return;
    const side = (doc: string, label: string) => ({
      doc,
      extensions: [
        yaml(),
        yamlStyle,
        foldTheme,
        EditorState.readOnly.of(true),
        EditorView.editable.of(false),
        EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
      ],
    });
    const merge = new MergeView({
      a: side(before, beforeLabel),
      b: side(after, afterLabel),
      parent: host.current,
      ...(all ? {} : { collapseUnchanged: { margin: 3, minSize: 8 } }),
      gutter: true,
      highlightChanges: true,
    });
    return () => merge.destroy();
  }, [before, after, beforeLabel, afterLabel, all]);

  return (
    <div data-testid={testId} className="rounded-lg border border-slate-300 dark:border-slate-700">
      <div className="grid grid-cols-2 border-slate-200 border-b bg-slate-50 font-medium text-slate-600 text-xs dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300">
        <span className="flex items-center px-3 py-1">{beforeLabel}</span>
        <span className="flex items-center border-slate-200 border-l px-3 py-1 dark:border-slate-800">
          {afterLabel}
          <button
            type="button"
            className={`ml-auto font-normal ${smallButton}`}
            onClick={() => setAll((v) => !v)}
          >
            {all ? 'Fold unchanged lines' : 'Show unchanged lines'}
          </button>
        </span>
      </div>
      <div ref={host} className="max-h-[60vh] overflow-auto" />
    </div>
  );
}
