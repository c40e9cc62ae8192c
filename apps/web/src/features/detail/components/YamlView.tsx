import { yaml } from '@codemirror/lang-yaml';
import { foldGutter, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { useEffect, useMemo, useRef } from 'react';
import { stringify } from 'yaml';

/** Colours from CSS variables, so light and dark themes both keep their contrast. */
const highlight = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--yaml-key)' },
  { tag: [tags.string, tags.special(tags.string), tags.content], color: 'var(--yaml-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--yaml-number)' },
  { tag: [tags.comment, tags.meta], color: 'var(--yaml-comment)' },
  { tag: [tags.punctuation, tags.separator, tags.squareBracket, tags.brace], color: 'var(--yaml-punct)' },
]);

const theme = EditorView.theme({
  '&': { fontSize: '12px', backgroundColor: 'transparent', color: 'inherit' },
  '.cm-content': { fontFamily: 'var(--font-mono)' },
  '.cm-gutters': { backgroundColor: 'transparent', color: 'var(--yaml-comment)', border: 'none' },
  '&.cm-focused': { outline: '2px solid var(--color-sky-500)' },
});

/**
 * The object as YAML in a read-only CodeMirror view. This module (CodeMirror and the yaml
 * printer) is loaded on demand, only when the YAML tab opens.
 */
export default function YamlView({ object, label }: { object: unknown; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | undefined>(undefined);
  const text = useMemo(() => stringify(object, { lineWidth: 0 }), [object]);

  useEffect(() => {
    if (host.current === null) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: '',
        extensions: [
          lineNumbers(),
          foldGutter(),
          yaml(),
          syntaxHighlighting(highlight),
          EditorState.readOnly.of(true),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-readonly': 'true' }),
          theme,
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = undefined;
    };
  }, [label]);

  // A live object changes: replace the document, keeping the scroll position.
  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === text) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
  }, [text]);

  return (
    <div
      ref={host}
      data-testid="yaml-view"
      className="rounded-lg border border-slate-200 py-1 dark:border-slate-800"
    />
  );
}
