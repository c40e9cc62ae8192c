import type { ReactNode } from 'react';
import { describeError } from '../lib/api';

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
  list: { isPending: boolean; isError: boolean; error: unknown },
  title: string,
  found: boolean,
  missing: string,
): ReactNode | undefined {
  const message = 'px-4 py-10 text-center text-sm';
  if (list.isPending) {
    return (
      <p role="status" className={`${message} text-slate-500`}>
        Loading {title}…
      </p>
    );
  }
  if (list.isError) {
    const e = describeError(list.error);
    return (
      <p role="alert" className={`${message} text-rose-700`}>
        {e.title}: {e.message}
      </p>
    );
  }
  if (!found) {
    return (
      <p className={`${message} text-slate-500`}>
        <title>{`${title} — Wheelhouse`}</title>
        {missing}
      </p>
    );
  }
  return undefined;
}
