import type { ReactNode } from 'react';
import { errorBox } from './ui';

/** Where a log stream stands (connecting, following, ended…), announced politely beside its controls. */
export function LogState({ children }: { children: ReactNode }) {
  return (
    <span role="status" data-testid="log-state" className="text-slate-500 text-xs dark:text-slate-400">
      {children}
    </span>
  );
}

/** What went wrong in a log view (the stream failed or was lost, a bad filter), announced at once. */
export function LogAlert({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className={errorBox}>
      {children}
    </div>
  );
}
