import { Suspense } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { useContexts } from '../features/contexts/api/get-contexts';
import { ContextSwitcher } from '../features/contexts/components/ContextSwitcher';
import { CreateButton } from '../features/edit/components/CreateButton';
import { LiveIndicator } from '../features/live/components/LiveIndicator';
import { NamespaceSwitcher } from '../features/namespaces/components/NamespaceSwitcher';
import { CommandPalette } from '../features/palette/components/CommandPalette';
import { LoginScreen } from '../features/session/components/LoginScreen';
import { ThemeToggle } from '../features/theme/components/ThemeToggle';
import { useSession } from '../lib/session';
import { searchKeepingNamespace, useViewParams } from '../lib/url-state';
import { NAV_VIEWS } from '../lib/views';

function Wordmark() {
  return (
    <Link to="/pods" className="flex items-center gap-2 font-semibold tracking-tight">
      <svg
        width="20"
        height="20"
        viewBox="0 0 32 32"
        aria-hidden="true"
        className="text-sky-600 dark:text-sky-400"
      >
        <circle cx="16" cy="16" r="10" fill="none" stroke="currentColor" strokeWidth="3" />
        <circle cx="16" cy="16" r="3" fill="currentColor" />
        <path
          d="M16 2v8M16 22v8M2 16h8M22 16h8M6.1 6.1l5.7 5.7M20.2 20.2l5.7 5.7M6.1 25.9l5.7-5.7M20.2 11.8l5.7-5.7"
          stroke="currentColor"
          strokeWidth="3"
          strokeLinecap="round"
        />
      </svg>
      Wheelhouse
    </Link>
  );
}

function ContextName() {
  const { data } = useSession();
  const contexts = useContexts();
  if (!data) return null;
  if ((contexts.data?.contexts.length ?? 0) > 1) return <ContextSwitcher />;
  return (
    <span
      className="hidden truncate rounded bg-slate-100 px-2 py-0.5 font-mono text-slate-600 text-xs sm:inline dark:bg-slate-800 dark:text-slate-300"
      title={data.user ? `${data.context} as ${data.user}` : data.context}
      data-testid="context-name"
    >
      {data.context}
    </span>
  );
}

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  `block rounded-md px-3 py-1.5 text-sm ${
    isActive
      ? 'bg-sky-50 font-medium text-sky-800 dark:bg-sky-950/60 dark:text-sky-300'
      : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800/70'
  }`;

function Nav() {
  const { namespace, selector } = useViewParams();
  const search = searchKeepingNamespace(namespace, selector);
  // The cluster views keep the namespace (Events shows it; the others pass it on) but not the
  // label selector, which none of them applies.
  const clusterSearch = searchKeepingNamespace(namespace);
  return (
    <nav aria-label="Resources" className="w-40 shrink-0 border-slate-200 border-r p-2 dark:border-slate-800">
      <ul className="space-y-0.5">
        {NAV_VIEWS.filter((v) => v.group === 'resources').map(({ id, label, pathname }) => (
          <li key={id}>
            <NavLink to={{ pathname, search }} className={navLinkClass}>
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
      <h2 className="mt-4 mb-1 px-3 font-semibold text-[11px] text-slate-500 uppercase tracking-wider dark:text-slate-400">
        Cluster
      </h2>
      <ul className="space-y-0.5">
        {NAV_VIEWS.filter((v) => v.group === 'cluster').map(({ id, label, pathname }) => (
          <li key={id}>
            <NavLink to={{ pathname, search: clusterSearch }} className={navLinkClass}>
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Create, for the namespace in view (a list's `ns`, or an object page's own). */
function HeaderCreate() {
  const { namespace } = useViewParams();
  return <CreateButton namespace={namespace ?? 'default'} />;
}

/** Header (wordmark, context, namespace, live state, theme), resource nav, and the routed view. */
export function Shell() {
  const session = useSession();
  if (session.data?.authenticated === false) return <LoginScreen context={session.data.context} />;
  return (
    <div className="flex h-dvh flex-col bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <header className="flex h-12 shrink-0 items-center gap-4 border-slate-200 border-b px-4 dark:border-slate-800">
        <Wordmark />
        <ContextName />
        <div className="ml-auto flex items-center gap-4">
          <CommandPalette />
          <HeaderCreate />
          <NamespaceSwitcher />
          <LiveIndicator />
          <ThemeToggle />
        </div>
      </header>
      <div className="flex min-h-0 flex-1">
        <Nav />
        <main className="flex min-w-0 flex-1 flex-col">
          <Suspense
            fallback={
              <p role="status" className="px-4 py-10 text-center text-slate-500 text-sm">
                Loading…
              </p>
            }
          >
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
