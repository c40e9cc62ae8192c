/**
 * Whether a key pressed on `target` is text being typed (a form field, a CodeMirror editor, the
 * xterm shell): there, `:` is a character and Ctrl-K belongs to the field (bash's kill-line in the
 * shell, the browser's own shortcut elsewhere), so the palette must not take them.
 */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  // jsdom has no isContentEditable; editors and terminals are found by their roots as well.
  return target.closest('[contenteditable]:not([contenteditable="false"]), .cm-editor, .xterm') !== null;
}

/** Whether another modal dialog is open: the palette does not open over it. */
export function modalOpen(doc: Document): boolean {
  return doc.querySelector('[role="dialog"][aria-modal="true"]') !== null;
}

/** Ctrl-K, or Cmd-K on macOS (either modifier is taken everywhere: the label shows the platform's). */
export function isPaletteChord(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
): boolean {
  return (
    (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k'
  );
}
