import { useEffect, useId, useState } from 'react';

const control =
  'h-8 rounded-md border border-slate-300 bg-white px-2 text-sm focus:border-sky-500 focus:ring-2 focus:ring-sky-500/30 focus:outline-none dark:border-slate-700 dark:bg-slate-900';

/** TYPE: any, Normal or Warning (kubectl's `--types`). */
export function TypeSelect({
  value,
  onChange,
}: {
  value: string;
  onChange: (v: string | undefined) => void;
}) {
  const id = useId();
  return (
    <span className="flex items-center gap-1.5 text-sm">
      <label htmlFor={id} className="text-slate-600 dark:text-slate-400">
        Type
      </label>
      <select
        id={id}
        data-testid="event-type"
        value={value}
        onChange={(e) => onChange(e.target.value || undefined)}
        className={control}
      >
        <option value="">Any</option>
        <option value="Normal">Normal</option>
        <option value="Warning">Warning</option>
      </select>
    </span>
  );
}

/** REASON: any, or one of the reasons the events in view carry (with how many have it). */
export function ReasonSelect({
  value,
  reasons,
  onChange,
}: {
  value: string;
  reasons: readonly [string, number][];
  onChange: (v: string | undefined) => void;
}) {
  const id = useId();
  // A reason from the URL that no event carries (any more) stays choosable, so the box shows it.
  const shown = value && !reasons.some(([r]) => r === value) ? [...reasons, [value, 0] as const] : reasons;
  return (
    <span className="flex items-center gap-1.5 text-sm">
      <label htmlFor={id} className="text-slate-600 dark:text-slate-400">
        Reason
      </label>
      <select
        id={id}
        data-testid="event-reason"
        value={value}
        onChange={(e) => onChange(e.target.value || undefined)}
        className={`${control} max-w-48`}
      >
        <option value="">Any</option>
        {shown.map(([reason, count]) => (
          <option key={reason} value={reason}>
            {reason} ({count})
          </option>
        ))}
      </select>
    </span>
  );
}

/**
 * OBJECT: `kind/name` or its start. The box keeps its own text while focused, so a URL update in
 * flight never overwrites what is being typed; a change from outside (back, a link) shows when it
 * is not focused.
 */
export function ObjectInput({
  value,
  onChange,
}: {
  value: string;
  onChange: (v: string | undefined) => void;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(value);
  }, [value, focused]);
  return (
    <span className="flex items-center gap-1.5 text-sm">
      <label htmlFor={id} className="text-slate-600 dark:text-slate-400">
        Object
      </label>
      <input
        id={id}
        type="search"
        data-testid="event-object"
        value={text}
        placeholder="pod/api"
        spellCheck={false}
        autoComplete="off"
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value.trim() || undefined);
        }}
        className={`${control} w-44 placeholder:text-slate-400 dark:placeholder:text-slate-500`}
      />
    </span>
  );
}
