import { type RefObject, useEffect, useRef } from 'react';

/** What can take focus with Tab inside a dialog (WAI-ARIA APG's dialog pattern). */
const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
  '[contenteditable="true"]',
].join(',');

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[inert]'));
}

/**
 * A modal dialog's focus, as the WAI-ARIA dialog pattern asks: on open, focus moves into the dialog
 * (`initialFocus`, else its first field); Tab and Shift-Tab cycle inside it and never reach the page
 * behind; Escape calls `onEscape`; on close, focus returns to what had it before (the button that
 * opened the dialog). `onEscape` may change on every render: the newest one is called, and the
 * trap is set up once, so a live re-render never moves the user's focus.
 */
export function useFocusTrap(
  ref: RefObject<HTMLElement | null>,
  { onEscape, initialFocus }: { onEscape: () => void; initialFocus?: string },
): void {
  const latestEscape = useRef(onEscape);
  latestEscape.current = onEscape;
  const initial = useRef(initialFocus);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = ref.current;
    if (root) {
      const chosen = initial.current ? root.querySelector<HTMLElement>(initial.current) : null;
      (chosen ?? focusables(root)[0] ?? root).focus();
    }
    const onKeyDown = (e: KeyboardEvent) => {
      const dialog = ref.current;
      if (!dialog) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        latestEscape.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = focusables(dialog);
      const first = items[0];
      const last = items[items.length - 1];
      if (first === undefined || last === undefined) {
        e.preventDefault();
        return;
      }
      const active = document.activeElement;
      const inside = active instanceof Node && dialog.contains(active);
      if (!inside) {
        e.preventDefault();
        (e.shiftKey ? last : first).focus();
      } else if (e.shiftKey && active === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && active === last) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      if (opener?.isConnected) opener.focus();
    };
  }, [ref]);
}
