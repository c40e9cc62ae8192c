import { useEffect, useRef, useState } from 'react';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The table's text filter. `/` anywhere on the page focuses it; Escape clears it, then leaves it;
 * ↓ moves into the rows.
 */
export function FilterInput({
  value,
  onChange,
  placeholder,
}: {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
}) {
  const ref = useRef<HTMLInputElement>(null);
  // The box keeps its own text so fast typing is never overwritten by a URL update in flight: the
  // URL follows a keystroke later (a navigation per key), so `value` may still be "p" after "pa" was
  // typed — adopting it would reset the box and the next key would land on "p" ("payments" typed at
  // 5 ms a key became "pymns"). Every value sent and not yet seen back is pending; a `value` among
  // them is the URL catching up, anything else is a change from outside (back button, a link).
  const [text, setText] = useState(value);
  const pending = useRef<string[]>([]);
  useEffect(() => {
    const caughtUp = pending.current.lastIndexOf(value);
    if (caughtUp >= 0) {
      pending.current = pending.current.slice(caughtUp + 1);
      return;
    }
    pending.current = [];
    setText(value);
  }, [value]);
  const change = (next: string) => {
    // Bounded: the URL always catches up, but a burst must not grow the list without end.
    pending.current = [...pending.current.slice(-63), next];
    setText(next);
    onChange(next);
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target))
        return;
      event.preventDefault();
      ref.current?.focus();
      ref.current?.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="relative w-72 max-w-full">
      <input
        ref={ref}
        type="search"
        aria-label="Filter"
        data-testid="filter-input"
        value={text}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => change(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            // Down from the filter into the rows: the table's tab stop takes focus.
            const row = document.querySelector<HTMLElement>('tbody tr[data-row-index][tabindex="0"]');
            if (row) {
              e.preventDefault();
              row.focus();
            }
            return;
          }
          if (e.key !== 'Escape') return;
          if (text) change('');
          else e.currentTarget.blur();
        }}
        className="h-8 w-full rounded-md border border-slate-300 bg-white pr-8 pl-2.5 text-sm placeholder:text-slate-400 focus:border-sky-500 focus:ring-2 focus:ring-sky-500/30 focus:outline-none dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-500"
      />
      <kbd className="pointer-events-none absolute top-1.5 right-2 rounded border border-slate-300 px-1 font-mono text-[11px] text-slate-400 dark:border-slate-700">
        /
      </kbd>
    </div>
  );
}
