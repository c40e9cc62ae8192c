import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { foldGutter } from '@codemirror/language';
import { type Diagnostic, linter, lintGutter, lintKeymap } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { yamlStyle } from '../../../../components/code/yaml-style';
import { checkYaml, type ExpectedObject } from '../../lib/yaml-check';

/**
 * An editable YAML document (CodeMirror 6): the checks of lib/yaml-check as lint diagnostics at
 * their line and column while the user types, undo history, and no Tab capture (Tab moves focus on,
 * as everywhere else on the page; indentation follows Enter). Controlled: `value` replaces the
 * document when it differs from what the editor holds (a re-applied edit), `onChange` reports typing.
 */
export function YamlEditor({
  value,
  onChange,
  label,
  expected,
  minHeight = '18rem',
  autoFocus = false,
  onSubmit,
}: {
  value: string;
  onChange: (text: string) => void;
  label: string;
  /** The one object a single edit must stay (undefined: any number of documents, as Create takes). */
  expected?: ExpectedObject;
  minHeight?: string;
  /** Put the cursor in the editor when it appears (it replaced the button that opened it). */
  autoFocus?: boolean;
  /** Ctrl/Cmd+Enter: the form's next step (Review), without leaving the keyboard. */
  onSubmit?: () => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | undefined>(undefined);
  const latest = useRef({ onChange, expected, onSubmit });
  latest.current = { onChange, expected, onSubmit };

  useEffect(() => {
    if (host.current === null) return;
    const check = linter(
      (v): Diagnostic[] =>
        checkYaml(v.state.doc.toString(), latest.current.expected).map((p) => ({
          from: p.from,
          to: p.to,
          severity: 'error',
          message: p.message,
        })),
      { delay: 200 },
    );
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          foldGutter(),
          history(),
          keymap.of([
            {
              key: 'Mod-Enter',
              run: () => {
                latest.current.onSubmit?.();
                return latest.current.onSubmit !== undefined;
              },
            },
            ...defaultKeymap,
            ...historyKeymap,
            ...lintKeymap,
          ]),
          yaml(),
          yamlStyle,
          check,
          lintGutter(),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true' }),
          EditorView.theme({ '&': { minHeight }, '.cm-scroller': { minHeight } }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    if (autoFocus) editor.focus();
    return () => {
      editor.destroy();
      view.current = undefined;
    };
    // The editor is made once; `value` is followed by the effect below.
  }, [label, minHeight]);

  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === value) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  return (
    <div
      ref={host}
      data-testid="yaml-editor"
      className="max-h-[70vh] overflow-auto rounded-lg border border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-950"
    />
  );
}
