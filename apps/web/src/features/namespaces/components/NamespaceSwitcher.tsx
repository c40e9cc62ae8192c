import { useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { describeError } from '../../../lib/api';
import { searchKeepingNamespace, useViewParams } from '../../../lib/url-state';
import { useNamespaces } from '../api/get-namespaces';

/**
 * Picks the namespace in the URL (`?ns=`); "All namespaces" removes it. On an object's page (its
 * detail, health or rollout page) the object's namespace is shown, and picking another one opens
 * the list of that kind there: the object does not exist in the other namespace.
 */
export function NamespaceSwitcher() {
  const view = useViewParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { namespace } = view;
  const setNamespace = (value: string | undefined) => {
    if (!view.onObjectPage) return view.setNamespace(value);
    const kind = pathname.split('/')[1] ?? 'pods';
    navigate({ pathname: `/${kind}`, search: searchKeepingNamespace(value, view.selector) });
  };
  const { data, error } = useNamespaces();
  const names = useMemo(() => {
    const set = new Set(data?.items ?? []);
    if (namespace !== undefined) set.add(namespace);
    return [...set].sort();
  }, [data, namespace]);

  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">Namespace</span>
      <select
        data-testid="namespace-switcher"
        value={namespace ?? ''}
        onChange={(e) => setNamespace(e.target.value || undefined)}
        title={error ? `Cannot list namespaces: ${describeError(error).message}` : undefined}
        className="h-8 max-w-56 rounded-md border border-slate-300 bg-white px-2 text-sm focus:border-sky-500 focus:ring-2 focus:ring-sky-500/30 focus:outline-none dark:border-slate-700 dark:bg-slate-900"
      >
        <option value="">All namespaces</option>
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
