import { yaml } from '@codemirror/lang-yaml';
import { foldGutter } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { useEffect, useMemo, useRef } from 'react';
import { stringify } from 'yaml';
import { yamlStyle } from '../../../components/code/yaml-style';

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
          yamlStyle,
          EditorState.readOnly.of(true),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-readonly': 'true' }),
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
