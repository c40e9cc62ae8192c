import type { PaletteResult } from '../lib/search';

/** The text with the characters the query matched marked, in runs. */
function Marked({ text, marks }: { text: string; marks: readonly number[] }) {
  if (marks.length === 0) return <>{text}</>;
  const marked = new Set(marks);
  const runs: { text: string; on: boolean; at: number }[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const on = marked.has(i);
    const last = runs[runs.length - 1];
    if (last && last.on === on) last.text += text.charAt(i);
    else runs.push({ text: text.charAt(i), on, at: i });
  }
  return (
    <>
      {runs.map((run) =>
        run.on ? (
          <mark key={run.at} className="bg-transparent font-semibold text-sky-700 dark:text-sky-300">
            {run.text}
          </mark>
        ) : (
          <span key={run.at}>{run.text}</span>
        ),
      )}
    </>
  );
}

/**
 * One result: its type, namespace and name, and the view it opens. Every part is text (a hostile
 * name stays a string); long names are cut with an ellipsis and shown whole in the tooltip.
 */
export function PaletteOption({
  id,
  result,
  active,
  onPoint,
  onPick,
}: {
  id: string;
  result: PaletteResult;
  active: boolean;
  onPoint: () => void;
  onPick: () => void;
}) {
  // The quieter parts stay readable on the active option's background in both themes (axe checks).
  const muted = active ? 'text-slate-700 dark:text-slate-200' : 'text-slate-600 dark:text-slate-400';
  const full = result.namespace ? `${result.type} ${result.namespace}/${result.name}` : result.name;
  return (
    // The listbox is driven from the combobox's keyboard (aria-activedescendant); the option only
    // needs the mouse, so it has no key handler of its own.
    // biome-ignore lint/a11y/useKeyWithClickEvents: keys go through the combobox input.
    <div
      id={id}
      role="option"
      tabIndex={-1}
      aria-selected={active}
      data-testid="palette-option"
      data-href={result.href}
      title={`${full} → ${result.opens}`}
      onMouseMove={() => {
        if (!active) onPoint();
      }}
      onMouseDown={(e) => e.preventDefault() /* keep focus in the input */}
      onClick={onPick}
      className={`mx-1 flex cursor-pointer items-center gap-3 rounded-md px-3 py-1.5 text-sm ${
        active ? 'bg-sky-100 text-slate-950 dark:bg-sky-900/70 dark:text-white' : ''
      }`}
    >
      <span className={`w-24 shrink-0 text-xs ${muted}`}>{result.type}</span>
      <span className={`flex min-w-0 flex-1 items-baseline ${result.namespace ? 'font-mono' : ''}`}>
        {result.namespace && (
          <span className={`max-w-[40%] shrink-0 truncate ${muted}`}>{result.namespace}/</span>
        )}
        <span className="truncate">
          <Marked text={result.name} marks={result.marks} />
        </span>
      </span>
      <span className={`shrink-0 text-xs ${muted}`}>
        {active && <span aria-hidden="true">↵ </span>}
        {result.opens}
      </span>
    </div>
  );
}
