/** The title line of a resource view: "Pods  in namespace default". */
export function ViewHeader({ title, namespace }: { title: string; namespace: string | undefined }) {
  return (
    <div className="flex items-baseline gap-2 px-4 pt-4 pb-3">
      <h1 className="font-semibold text-lg tracking-tight">{title}</h1>
      <span className="text-slate-500 text-sm dark:text-slate-400">
        {namespace === undefined ? 'in all namespaces' : `in namespace ${namespace}`}
      </span>
      <title>{`${title} · ${namespace ?? 'all namespaces'} — Wheelhouse`}</title>
    </div>
  );
}
