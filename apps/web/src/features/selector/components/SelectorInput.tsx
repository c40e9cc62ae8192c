import { useEffect, useId, useRef, useState } from 'react';
import { checkSelector, type SelectorCheck } from '../../../lib/selector-text';

/**
 * The label selector box (kubectl's `-l`). Every keystroke is parsed with the apiserver's grammar:
 * a valid selector is handed to `onChange` (and sent to the server as the subscription's
 * `labelSelector`); an invalid one is shown with a caret under the problem and changes nothing,
 * so the list keeps its last valid state.
 */
export function SelectorInput({ value, onChange }: { value: string; onChange: (selector: string) => void }) {
  const errorId = useId();
  const [text, setText] = useState(value);
  const [check, setCheck] = useState<SelectorCheck>(() => checkSelector(value));
  const sent = useRef(value);
  // Follow the URL when it changes from outside (a label chip, back button), as FilterInput does.
  useEffect(() => {
    if (value === sent.current) return;
    sent.current = value;
    setText(value);
    setCheck(checkSelector(value));
  }, [value]);

  const change = (next: string) => {
    setText(next);
    const result = checkSelector(next);
    setCheck(result);
    if (result.ok && result.text !== sent.current) {
      sent.current = result.text;
      onChange(result.text);
    }
  };

  // A fragment: in the toolbar's wrapping flex row the error takes a line of its own below it.
  return (
    <>
      <div className="w-80 max-w-full">
        <input
          type="text"
          aria-label="Label selector"
          data-testid="selector-input"
          value={text}
          placeholder="Label selector, e.g. app=web,tier!=db"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={!check.ok}
          aria-describedby={check.ok ? undefined : errorId}
          onChange={(e) => change(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && text) change('');
          }}
          className={`h-8 w-full rounded-md border bg-white px-2.5 font-mono text-xs placeholder:font-sans placeholder:text-slate-400 placeholder:text-sm focus:ring-2 focus:outline-none dark:bg-slate-900 dark:placeholder:text-slate-500 ${
            check.ok
              ? 'border-slate-300 focus:border-sky-500 focus:ring-sky-500/30 dark:border-slate-700'
              : 'border-red-500 focus:border-red-500 focus:ring-red-500/30 dark:border-red-500'
          }`}
        />
      </div>
      {!check.ok && (
        <div
          id={errorId}
          role="alert"
          data-testid="selector-error"
          className="order-last basis-full rounded-md border border-red-300 bg-red-50 px-2.5 py-1.5 text-red-900 text-xs dark:border-red-800/60 dark:bg-red-950 dark:text-red-200"
        >
          <pre className="font-mono" aria-hidden="true">
            {text}
            {'\n'}
            <span data-testid="selector-caret">{`${' '.repeat(check.position)}^`}</span>
          </pre>
          <p className="mt-1">
            Invalid selector at character {check.position + 1}: {check.message}. Showing the last valid
            selection.
          </p>
        </div>
      )}
    </>
  );
}
