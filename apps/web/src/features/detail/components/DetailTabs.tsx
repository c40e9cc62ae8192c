import { useSearchParams } from 'react-router';

export type DetailTab = 'overview' | 'logs' | 'shell' | 'yaml';

const LABELS: Record<DetailTab, string> = {
  overview: 'Overview',
  logs: 'Logs',
  shell: 'Shell',
  yaml: 'YAML',
};

/**
 * The tabs of an object's page; the chosen one is `?tab=` (none for the overview), replacing history.
 * A tab in `disabled` cannot be chosen; it stays focusable and says why (its description, and the
 * tooltip), so a keyboard or screen-reader user learns the reason too.
 */
export function DetailTabs({
  tabs,
  current,
  disabled = {},
}: {
  tabs: readonly DetailTab[];
  current: DetailTab;
  disabled?: Partial<Record<DetailTab, string>>;
}) {
  const [, setSearch] = useSearchParams();
  return (
    <div
      role="tablist"
      aria-label="View"
      className="mt-3 flex gap-1 border-slate-200 border-b dark:border-slate-800"
    >
      {tabs.map((t) => (
        <button
          key={t}
          type="button"
          role="tab"
          id={`tab-${t}`}
          aria-controls="detail-panel"
          aria-selected={current === t}
          aria-disabled={disabled[t] ? true : undefined}
          aria-describedby={disabled[t] ? `tab-${t}-why` : undefined}
          title={disabled[t]}
          data-testid={`tab-${t}`}
          onClick={() =>
            !disabled[t] &&
            setSearch(
              (prev) => {
                const next = new URLSearchParams(prev);
                if (t === 'overview') next.delete('tab');
                else next.set('tab', t);
                return next;
              },
              { replace: true },
            )
          }
          className={`-mb-px border-b-2 px-3 py-1.5 text-sm ${
            current === t
              ? 'border-sky-600 font-medium text-sky-800 dark:border-sky-400 dark:text-sky-300'
              : disabled[t]
                ? 'cursor-not-allowed border-transparent text-slate-400 dark:text-slate-500'
                : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100'
          }`}
        >
          {LABELS[t]}
        </button>
      ))}
      {/* The reasons live beside the tabs, not in them: a tab's name stays its label. */}
      {tabs.map(
        (t) =>
          disabled[t] && (
            <span key={`${t}-why`} id={`tab-${t}-why`} hidden>
              {disabled[t]}
            </span>
          ),
      )}
    </div>
  );
}
