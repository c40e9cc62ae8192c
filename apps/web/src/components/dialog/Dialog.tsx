import { type KeyboardEvent as ReactKeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** The elements Tab may reach inside `root`, in document order (visible ones only). */
function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !el.closest('[inert]') && el.getAttribute('aria-hidden') !== 'true',
  );
}

/**
 * A modal dialog (WAI-ARIA dialog pattern): labelled by its heading, focus moved into it on open
 * (`initialFocus`, else the first field or button) and kept inside it (Tab and Shift+Tab wrap),
 * Escape closes it, and focus returns to what had it before. The page behind is `inert`-free on
 * purpose: the overlay covers it and the trap keeps the keyboard in.
 */
export function Dialog({
  title,
  onClose,
  children,
  footer,
  testId,
  wide = false,
  initialFocus,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** The buttons row at the bottom. */
  footer?: ReactNode;
  testId?: string;
  /** For dialogs holding an editor or a diff. */
  wide?: boolean;
  /** A CSS selector, within the dialog, of what takes focus first. */
  initialFocus?: string;
}) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = ref.current;
    if (root) {
      const first =
        (initialFocus ? root.querySelector<HTMLElement>(initialFocus) : null) ?? focusables(root)[0] ?? root;
      first.focus();
    }
    return () => {
      // Back to the control that opened the dialog, when it is still there.
      if (before?.isConnected) before.focus();
    };
    // Focus moves in once, when the dialog opens.
  }, []);

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close.current();
      return;
    }
    if (event.key !== 'Tab' || ref.current === null) return;
    const items = focusables(ref.current);
    const first = items[0];
    const last = items.at(-1);
    if (first === undefined || last === undefined) {
      event.preventDefault();
      return;
    }
    if (event.shiftKey && (document.activeElement === first || document.activeElement === ref.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="fixed inset-0 z-30 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-4 sm:p-6">
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid={testId}
        onKeyDown={onKeyDown}
        className={`w-full ${wide ? 'max-w-5xl' : 'max-w-xl'} space-y-4 rounded-lg bg-white p-5 text-slate-900 shadow-xl outline-none dark:bg-slate-900 dark:text-slate-100`}
      >
        <h2 id={titleId} className="font-semibold text-lg">
          {title}
        </h2>
        {children}
        {footer && <div className="flex flex-wrap justify-end gap-2">{footer}</div>}
      </div>
    </div>
  );
}
