import { type ReactNode, useEffect, useId, useState } from 'react';

const control =
  'h-8 rounded-md border border-slate-300 bg-white px-2 text-sm focus:border-sky-500 focus:ring-2 focus:ring-sky-500/30 focus:outline-none dark:border-slate-700 dark:bg-slate-900';

/** A filter control with its label before it. */
function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <span className="flex items-center gap-1.5 text-sm">
      <label htmlFor={id} className="text-slate-600 dark:text-slate-400">
        {label}
      </label>
      {children}
    </span>
  );
}

/** A filter's choices, the first of them Any: no filter (undefined). */
function AnySelect({
  label,
  testId,
  value,
  onChange,
  className = control,
  children,
}: {
  label: string;
  testId: string;
  value: string;
  onChange: (v: string | undefined) => void;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <Field id={id} label={label}>
      <select
        id={id}
        data-testid={testId}
        value={value}
        onChange={(e) => onChange(e.target.value || undefined)}
        className={className}
      >
        <option value="">Any</option>
        {children}
      </select>
    </Field>
  );
}

/** TYPE: any, Normal or Warning (kubectl's `--types`). */
export function TypeSelect({
  value,
  onChange,
}: {
  value: string;
  onChange: (v: string | undefined) => void;
}) {
  return (
    <AnySelect label="Type" testId="event-type" value={value} onChange={onChange}>
      <option value="Normal">Normal</option>
      <option value="Warning">Warning</option>
    </AnySelect>
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
  // A reason from the URL that no event carries (any more) stays choosable, so the box shows it.
  const shown = value && !reasons.some(([r]) => r === value) ? [...reasons, [value, 0] as const] : reasons;
  return (
    <AnySelect
      label="Reason"
      testId="event-reason"
      value={value}
      onChange={onChange}
      className={`${control} max-w-48`}
    >
      {shown.map(([reason, count]) => (
        <option key={reason} value={reason}>
          {reason} ({count})
        </option>
      ))}
    </AnySelect>
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
    <Field id={id} label="Object">
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
    </Field>
  );
}
