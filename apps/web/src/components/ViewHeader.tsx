import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * The title line of a page: the heading, a muted subtitle beside it ("rollout in namespace demo"),
 * what else the page wants on that line, and a link at its end; the document's title too.
 */
export function PageHeader({
  title,
  subtitle,
  documentTitle,
  breadcrumb,
  link,
  children,
  className = '',
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  /** The tab's title, before " — Wheelhouse". */
  documentTitle: string;
  /** Above the heading. */
  breadcrumb?: ReactNode;
  /** At the end of the line: "All deployments". */
  link?: { to: string; label: string };
  children?: ReactNode;
  className?: string;
}) {
  return (
    <div className={className}>
      <title>{`${documentTitle} — Wheelhouse`}</title>
      {breadcrumb}
      <div className={`flex flex-wrap items-baseline gap-x-2 gap-y-1 ${breadcrumb ? 'mt-1' : ''}`}>
        <h1 className="font-semibold text-lg tracking-tight">{title}</h1>
        {subtitle !== undefined && (
          <span className="text-slate-500 text-sm dark:text-slate-400">{subtitle}</span>
        )}
        {children}
        {link && (
          <Link to={link.to} className="ml-auto text-sky-700 text-sm hover:underline dark:text-sky-400">
            {link.label}
          </Link>
        )}
      </div>
    </div>
  );
}

/** The title line of a resource view: "Pods  in namespace default". */
export function ViewHeader({ title, namespace }: { title: string; namespace: string | undefined }) {
  return (
    <PageHeader
      title={title}
      subtitle={namespace === undefined ? 'in all namespaces' : `in namespace ${namespace}`}
      documentTitle={`${title} · ${namespace ?? 'all namespaces'}`}
      className="px-4 pt-4 pb-3"
    />
  );
}
