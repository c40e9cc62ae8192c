import type { ReactNode } from 'react';
import { ErrorPanel, PageMessage } from './notices';

/** A titled block of the rollout cockpit and the health view. */
export function PanelSection({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section className="space-y-2" data-testid={testId}>
      <h2 className="font-semibold text-slate-500 text-xs uppercase tracking-wide dark:text-slate-400">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * What a page about one live object shows before it can show the object: loading, the list's error,
 * or that the object is not there. `undefined` once the object is found.
 */
export function objectPageState(
  list: { isPending: boolean; isError: boolean; error: unknown; data?: { loading?: unknown } | undefined },
  page: { title: string; namespace: string; found: boolean; missing: string },
): ReactNode | undefined {
  const { title, namespace } = page;
  // A list still arriving in parts may not have the object yet: not "missing" until it is whole.
  const loading = list.data?.loading !== undefined && !page.found;
  if (list.isPending || loading) return <PageMessage role="status">Loading {title}…</PageMessage>;
  if (list.isError) {
    return (
      <div className="p-4">
        <ErrorPanel
          error={list.error}
          forbidden={`You may not read ${title} in namespace ${namespace}`}
          failed={`Cannot read ${title}`}
          testId="page"
        />
      </div>
    );
  }
  if (!page.found) {
    return (
      <PageMessage>
        <title>{`${title} — Wheelhouse`}</title>
        {page.missing}
      </PageMessage>
    );
  }
  return undefined;
}
