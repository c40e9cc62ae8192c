import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

/**
 * How YAML looks in every CodeMirror view (the read-only YAML tab, the editor, the diffs): colours
 * from CSS variables, so light and dark themes both keep their contrast. Loaded with those views'
 * chunk only.
 */
const highlight = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--yaml-key)' },
  { tag: [tags.string, tags.special(tags.string), tags.content], color: 'var(--yaml-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--yaml-number)' },
  { tag: [tags.comment, tags.meta], color: 'var(--yaml-comment)' },
  { tag: [tags.punctuation, tags.separator, tags.squareBracket, tags.brace], color: 'var(--yaml-punct)' },
]);

const theme = EditorView.theme({
  '&': { fontSize: '12px', backgroundColor: 'transparent', color: 'inherit' },
  '.cm-content': { fontFamily: 'var(--font-mono)', caretColor: 'currentColor' },
  '.cm-gutters': { backgroundColor: 'transparent', color: 'var(--yaml-comment)', border: 'none' },
  '&.cm-focused': { outline: '2px solid var(--color-sky-500)' },
  '.cm-cursor': { borderLeftColor: 'currentColor' },
});

export const yamlStyle = [syntaxHighlighting(highlight), theme];
