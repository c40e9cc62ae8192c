import { currentContext, switchContext } from '../../../lib/kube-context';
import { useContexts } from '../api/get-contexts';

/** Shown only when the kubeconfig has several contexts; choosing one reloads the view there. */
export function ContextSwitcher({ onSwitch = switchContext }: { onSwitch?: (name: string) => void }) {
  const { data } = useContexts();
  if (!data || data.contexts.length < 2) return null;
  const selected = currentContext() ?? data.current;
  return (
    <label className="flex items-center gap-1 text-slate-500 text-xs dark:text-slate-400">
      <span className="sr-only sm:not-sr-only">Context</span>
      <select
        className="max-w-48 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-slate-800 text-xs dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
        value={selected}
        onChange={(e) => onSwitch(e.target.value)}
        data-testid="context-switcher"
      >
        {data.contexts.map((c) => (
          <option key={c.name} value={c.name}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
