import type { ReactNode } from 'react';
import { ApiError, describeError } from '../lib/api';

/** What a page says in place of its data: "Loading pods…", "There is no such page." */
export function PageMessage({ role, children }: { role?: 'status' | 'alert'; children: ReactNode }) {
  return (
    <div role={role} className="px-4 py-10 text-center text-slate-500 text-sm dark:text-slate-400">
      {children}
    </div>
  );
}

/**
 * Above a live view's data when that data may be behind (the connection is down, or the server
 * reports its watch recovering): the words come from `useLiveNotice`. Nothing when it is live.
 */
export function LiveNotice({ notice, className = '' }: { notice: string | undefined; className?: string }) {
  if (!notice) return null;
  return (
    <div
      role="status"
      data-testid="live-notice"
      className={`rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900 text-sm dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-200 ${className}`}
    >
      {notice}
    </div>
  );
}

/**
 * An error the BFF (or the apiserver through it) answered with: amber with `forbidden` as its
 * heading when RBAC refused the caller (403: there is nothing to retry), red with `failed` and the
 * error's title otherwise; the apiserver's message below, as it said it.
 */
export function ErrorPanel({
  error,
  forbidden,
  failed,
  testId,
  className = '',
}: {
  error: unknown;
  /** "You may not list pods in namespace demo" */
  forbidden: string;
  /** "Cannot watch pods in namespace demo" (": Forbidden" etc. is appended) */
  failed: string;
  /** `<testId>-forbidden` or `<testId>-error` */
  testId: string;
  className?: string;
}) {
  const { title, message } = describeError(error);
  const isForbidden = error instanceof ApiError && error.body.code === 403;
  return (
    <div
      role="alert"
      data-testid={`${testId}-${isForbidden ? 'forbidden' : 'error'}`}
      className={`rounded-md border px-4 py-3 text-sm ${
        isForbidden
          ? 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-100'
          : 'border-red-300 bg-red-50 text-red-900 dark:border-red-800/60 dark:bg-red-950/40 dark:text-red-200'
      } ${className}`}
    >
      <p className="font-medium">{isForbidden ? forbidden : `${failed}: ${title}`}</p>
      <p className="mt-1 break-words font-mono text-xs">{message}</p>
    </div>
  );
}
