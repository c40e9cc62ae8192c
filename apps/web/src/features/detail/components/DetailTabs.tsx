import { useSearchParams } from 'react-router';

export type DetailTab = 'overview' | 'logs' | 'yaml';

const LABELS: Record<DetailTab, string> = { overview: 'Overview', logs: 'Logs', yaml: 'YAML' };

/** The tabs of an object's page; the chosen one is `?tab=` (none for the overview), replacing history. */
export function DetailTabs({ tabs, current }: { tabs: readonly DetailTab[]; current: DetailTab }) {
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
          data-testid={`tab-${t}`}
          onClick={() =>
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
              : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100'
          }`}
        >
          {LABELS[t]}
        </button>
      ))}
    </div>
  );
}
