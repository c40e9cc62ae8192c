import type {
  V1ConfigMap,
  V1Deployment,
  V1ObjectMeta,
  V1Pod,
  V1ReplicaSet,
  V1Service,
} from '@kubernetes/client-node';
import type { KindObject, SecretSummary } from '@wheelhouse/shared-types';
import { lazy, type ReactNode, Suspense, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { type ViewKind, viewKind } from '../../../app/kinds';
import { ApiError, describeError } from '../../../lib/api';
import { useLiveNotice } from '../../../lib/live/live-context';
import { useLiveList } from '../../../lib/live/live-query';
import { listItems } from '../../../lib/live/reducers';
import { listPath, rolloutPath } from '../../../lib/paths';
import { LogsPanel } from '../../logs/components/LogsPanel';
import { useObject } from '../api/get-object';
import { EventsSection, MetadataSection } from './common-sections';
import { ConfigMapSections, SecretSections } from './DataSections';
import { PodSections } from './PodSections';
import { ServiceSections } from './ServiceSections';
import { DeploymentSections, ReplicaSetSections } from './WorkloadSections';

const YamlView = lazy(() => import('./YamlView'));

/** The singular a page names its object by: "Deployment api". */
const SINGULAR: Record<ViewKind['kind'], string> = {
  pods: 'Pod',
  deployments: 'Deployment',
  replicasets: 'ReplicaSet',
  services: 'Service',
  configmaps: 'ConfigMap',
  secrets: 'Secret',
};

/** apiVersion and kind, which objects from a watch cache do not carry, for the YAML view. */
const TYPE_META: Record<ViewKind['kind'], { apiVersion: string; kind: string }> = {
  pods: { apiVersion: 'v1', kind: 'Pod' },
  deployments: { apiVersion: 'apps/v1', kind: 'Deployment' },
  replicasets: { apiVersion: 'apps/v1', kind: 'ReplicaSet' },
  services: { apiVersion: 'v1', kind: 'Service' },
  configmaps: { apiVersion: 'v1', kind: 'ConfigMap' },
  secrets: { apiVersion: 'v1', kind: 'Secret' },
};

/** `/:kind/:namespace/:name`: one object, live, with its relationships, events and YAML. */
export default function DetailPage() {
  const { kind, namespace, name } = useParams();
  const view = viewKind(kind);
  if (view === undefined || !namespace || !name) {
    return <Message>There is no such page.</Message>;
  }
  // A new object is a new page: nothing (a revealed Secret value above all) carries over.
  return (
    <ObjectPage key={`${view.kind}/${namespace}/${name}`} view={view} namespace={namespace} name={name} />
  );
}

function Message({ children, role = 'status' }: { children: ReactNode; role?: 'status' | 'alert' }) {
  return (
    <div role={role} className="px-4 py-10 text-center text-slate-500 text-sm dark:text-slate-400">
      {children}
    </div>
  );
}

function ObjectPage({ view, namespace, name }: { view: ViewKind; namespace: string; name: string }) {
  const { kind } = view;
  // The object comes from the live list of its kind in its namespace (the list view's own
  // subscription when coming from there): every change shows at once, a deletion too.
  const params = { kind, namespace };
  const live = useLiveList(params);
  const notice = useLiveNotice(params);
  const fromList = useMemo(
    () => (live.data ? listItems(live.data).find((o) => o.metadata?.name === name) : undefined),
    [live.data, name],
  );
  // When the list cannot be watched (RBAC may allow get without list), read the object once.
  const rest = useObject(kind, namespace, name, live.status === 'error');
  const object: KindObject | undefined = fromList ?? rest.data;
  const [search, setSearch] = useSearchParams();
  const requested = search.get('tab');
  const tab = requested === 'yaml' ? 'yaml' : requested === 'logs' && kind === 'pods' ? 'logs' : 'overview';
  const title = `${SINGULAR[kind]} ${name}`;

  let body: ReactNode;
  if (object !== undefined) {
    body =
      tab === 'yaml' ? (
        <Suspense fallback={<Message>Loading the YAML view…</Message>}>
          <YamlView object={{ ...TYPE_META[kind], ...object }} label={`${title} as YAML`} />
        </Suspense>
      ) : tab === 'logs' ? (
        <LogsPanel pod={object as KindObject<'pods'>} />
      ) : (
        <Overview kind={kind} object={object} />
      );
  } else if (live.status === 'pending' || (live.status === 'error' && rest.status === 'pending')) {
    body = <Message>Loading {title}…</Message>;
  } else if (live.status === 'success') {
    body = (
      <Message role="alert">
        {SINGULAR[kind]} “{name}” does not exist in namespace {namespace}
        {live.data.byUid.size > 0 ? ' (it may have been deleted)' : ''}.{' '}
        <Link
          to={listPath(kind, namespace, search.get('l') ?? undefined)}
          className="text-sky-800 underline dark:text-sky-300"
        >
          All {view.noun} in {namespace}
        </Link>
      </Message>
    );
  } else {
    body = (
      <LoadError
        error={rest.error ?? live.error}
        what={`${SINGULAR[kind].toLowerCase()} ${name}`}
        namespace={namespace}
      />
    );
  }

  return (
    <div className="min-h-0 flex-1 overflow-auto">
      <title>{`${title} · ${namespace} — Wheelhouse`}</title>
      <div className="px-4 pt-4 pb-3">
        <nav aria-label="Breadcrumb" className="text-slate-500 text-sm dark:text-slate-400">
          <Link to={listPath(kind, namespace, search.get('l') ?? undefined)} className="hover:underline">
            {view.label}
          </Link>
          <span aria-hidden="true"> / </span>
          <span>{namespace}</span>
        </nav>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="font-semibold text-lg tracking-tight">
            <span className="font-normal text-slate-500 dark:text-slate-400">{SINGULAR[kind]} </span>
            {name}
          </h1>
          {kind === 'deployments' && object !== undefined && (
            <Link
              to={rolloutPath(namespace, name)}
              data-testid="rollout-link"
              className="rounded-md border border-sky-600 px-2.5 py-1 font-medium text-sky-800 text-sm hover:bg-sky-50 dark:border-sky-500 dark:text-sky-300 dark:hover:bg-sky-950/50"
            >
              Rollout
            </Link>
          )}
          {kind === 'pods' && object !== undefined && (
            <Link
              to={`/pods/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}/health`}
              data-testid="health-link"
              className="rounded-md border border-sky-600 px-2.5 py-1 font-medium text-sky-800 text-sm hover:bg-sky-50 dark:border-sky-500 dark:text-sky-300 dark:hover:bg-sky-950/50"
            >
              Health
            </Link>
          )}
        </div>
        <div
          role="tablist"
          aria-label="View"
          className="mt-3 flex gap-1 border-slate-200 border-b dark:border-slate-800"
        >
          {(kind === 'pods' ? (['overview', 'logs', 'yaml'] as const) : (['overview', 'yaml'] as const)).map(
            (t) => (
              <button
                key={t}
                type="button"
                role="tab"
                id={`tab-${t}`}
                aria-controls="detail-panel"
                aria-selected={tab === t}
                data-testid={`tab-${t}`}
                onClick={() =>
                  setSearch(
                    (prev) => {
                      const next = new URLSearchParams(prev);
                      if (t === 'overview') next.delete('tab');
                      else next.set('tab', t);
                      return next;
                    },
                    { replace: true },
                  )
                }
                className={`-mb-px border-b-2 px-3 py-1.5 text-sm ${
                  tab === t
                    ? 'border-sky-600 font-medium text-sky-800 dark:border-sky-400 dark:text-sky-300'
                    : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100'
                }`}
              >
                {t === 'yaml' ? 'YAML' : t === 'logs' ? 'Logs' : 'Overview'}
              </button>
            ),
          )}
        </div>
      </div>
      {notice && (
        <div
          role="status"
          className="mx-4 mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900 text-sm dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-200"
        >
          {notice}
        </div>
      )}
      <div id="detail-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} className="space-y-4 px-4 pb-8">
        {body}
      </div>
    </div>
  );
}

function LoadError({ error, what, namespace }: { error: unknown; what: string; namespace: string }) {
  const { title, message } = describeError(error);
  const forbidden = error instanceof ApiError && error.body.code === 403;
  return (
    <div
      role="alert"
      data-testid={forbidden ? 'detail-forbidden' : 'detail-error'}
      className={`rounded-md border px-4 py-3 text-sm ${
        forbidden
          ? 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-100'
          : 'border-red-300 bg-red-50 text-red-900 dark:border-red-800/60 dark:bg-red-950/40 dark:text-red-200'
      }`}
    >
      <p className="font-medium">
        {forbidden ? `You may not read ${what} in namespace ${namespace}` : `Cannot read ${what}: ${title}`}
      </p>
      <p className="mt-1 break-words font-mono text-xs">{message}</p>
    </div>
  );
}

function Overview({ kind, object }: { kind: ViewKind['kind']; object: KindObject }) {
  const meta = (object.metadata ?? {}) as V1ObjectMeta;
  let sections: ReactNode;
  switch (kind) {
    case 'pods':
      sections = <PodSections pod={object as V1Pod} />;
      break;
    case 'deployments':
      sections = <DeploymentSections deployment={object as V1Deployment} />;
      break;
    case 'replicasets':
      sections = <ReplicaSetSections replicaSet={object as V1ReplicaSet} />;
      break;
    case 'services':
      sections = <ServiceSections service={object as V1Service} />;
      break;
    case 'configmaps':
      sections = <ConfigMapSections configMap={object as V1ConfigMap} />;
      break;
    case 'secrets':
      sections = <SecretSections secret={object as SecretSummary} />;
      break;
  }
  return (
    <>
      <MetadataSection meta={meta} kind={kind} />
      {sections}
      <EventsSection
        kind={kind}
        namespace={meta.namespace ?? ''}
        name={meta.name ?? ''}
        version={meta.resourceVersion ?? ''}
      />
    </>
  );
}
