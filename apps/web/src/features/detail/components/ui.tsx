import type { ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ViewableKind } from '../../../app/kinds';
import { listPath } from '../../../lib/paths';
import { addRequirement } from '../../../lib/selector-text';

/** A titled block of a detail page. */
export function Section({
  title,
  children,
  actions,
  testId,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  testId?: string;
}) {
  return (
    <section
      aria-label={title}
      data-testid={testId}
      className="rounded-lg border border-slate-200 dark:border-slate-800"
    >
      <header className="flex items-center gap-3 border-slate-200 border-b px-4 py-2 dark:border-slate-800">
        <h2 className="font-semibold text-sm">{title}</h2>
        {actions && <div className="ml-auto flex items-center gap-2">{actions}</div>}
      </header>
      <div className="px-4 py-3">{children}</div>
    </section>
  );
}

/** A two-column list of fields. Rows with an undefined value are left out. */
export function Fields({ rows }: { rows: [string, ReactNode | undefined][] }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1.5 text-sm">
      {rows
        .filter(([, value]) => value !== undefined)
        .map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
            <dd className="min-w-0 break-words">{value}</dd>
          </div>
        ))}
    </dl>
  );
}

export function Muted({ children }: { children: ReactNode }) {
  return <p className="text-slate-500 text-sm dark:text-slate-400">{children}</p>;
}

export function ObjectLink({
  kind,
  namespace,
  name,
  children,
}: {
  kind: ViewableKind;
  namespace: string;
  name: string;
  children?: ReactNode;
}) {
  return (
    <Link
      to={`/${kind}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}?ns=${encodeURIComponent(namespace)}`}
      className="font-medium text-sky-800 hover:underline dark:text-sky-300"
    >
      {children ?? name}
    </Link>
  );
}

/**
 * Labels as chips. Clicking one opens the list of `kind` in the namespace with `key=value` added
 * to the label selector (`?l=`).
 */
export function LabelChips({
  labels,
  kind,
  namespace,
}: {
  labels: Record<string, string> | undefined;
  kind: ViewableKind;
  namespace: string;
}) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return <span className="text-slate-500 dark:text-slate-400">none</span>;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Labels">
      {entries.map(([key, value]) => (
        <li key={key}>
          <button
            type="button"
            data-testid={`label-${key}`}
            title={`Show ${kind} with ${key}=${value}`}
            onClick={() =>
              navigate(listPath(kind, namespace, addRequirement(params.get('l') ?? '', key, value)))
            }
            className="rounded-full border border-slate-300 bg-slate-50 px-2 py-0.5 font-mono text-slate-700 text-xs hover:border-sky-500 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300 dark:hover:bg-sky-950/50"
          >
            {key}={value}
          </button>
        </li>
      ))}
    </ul>
  );
}

export type Tone = 'ok' | 'progress' | 'error' | 'done';
export const TONE_TEXT: Record<Tone, string> = {
  ok: 'text-emerald-700 dark:text-emerald-400',
  progress: 'text-amber-700 dark:text-amber-400',
  error: 'text-red-700 dark:text-red-400',
  done: 'text-slate-600 dark:text-slate-400',
};

/** A condition's status: True green, False red (or amber when `falseIsBad` is off), Unknown amber. */
export function ConditionStatus({ status, falseTone = 'error' }: { status: string; falseTone?: Tone }) {
  const tone: Tone = status === 'True' ? 'ok' : status === 'False' ? falseTone : 'progress';
  return <span className={`font-medium ${TONE_TEXT[tone]}`}>{status}</span>;
}
