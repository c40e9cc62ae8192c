import type {
  V1ConfigMap,
  V1Deployment,
  V1ObjectMeta,
  V1Pod,
  V1ReplicaSet,
  V1Service,
} from '@kubernetes/client-node';
import type { KindObject, SecretSummary } from '@wheelhouse/shared-types';
import { EXEC_PERMISSIONS } from '@wheelhouse/shared-types/constants';
import { type ReactNode, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { type ViewKind, viewKind } from '../../../app/kinds';
import { ErrorPanel, LiveNotice, PageMessage as Message } from '../../../components/notices';
import { PageHeader } from '../../../components/ViewHeader';
import { useObject } from '../../../lib/get-object';
import { useLiveNotice } from '../../../lib/live/live-context';
import { useLiveList } from '../../../lib/live/live-query';
import { listItems } from '../../../lib/live/reducers';
import { healthPath, listPath, rolloutPath } from '../../../lib/paths';
import { deniedMessage, usePermission } from '../../../lib/permissions';
import { DeleteObjectButton } from '../../edit/components/DeleteObjectButton';
import { LogsPanel } from '../../logs/components/LogsPanel';
import { ObjectLogsPanel } from '../../logs/components/ObjectLogsPanel';
import { ShellPanel } from '../../shell/components/ShellPanel';
import { EventsSection, MetadataSection } from './common-sections';
import { ConfigMapSections, SecretSections } from './DataSections';
import { type DetailTab, DetailTabs } from './DetailTabs';
import { PodSections } from './PodSections';
import { ServiceSections } from './ServiceSections';
import { DeploymentSections, ReplicaSetSections } from './WorkloadSections';
import { YamlEditing, YamlTab } from './YamlTab';

/** Kinds with a Logs tab: a pod's containers, or the pods a workload or Service selects. */
const LOGS_TAB: ReadonlySet<ViewKind['kind']> = new Set(['pods', 'deployments', 'replicasets', 'services']);

function LogsTab({ kind, object }: { kind: ViewKind['kind']; object: KindObject }) {
  switch (kind) {
    case 'pods':
      return <LogsPanel pod={object as V1Pod} />;
    case 'deployments':
      return <ObjectLogsPanel kind={kind} object={object as V1Deployment} />;
    case 'replicasets':
      return <ObjectLogsPanel kind={kind} object={object as V1ReplicaSet} />;
    case 'services':
      return <ObjectLogsPanel kind={kind} object={object as V1Service} />;
    default:
      return null;
  }
}

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

function ObjectPage({ view, namespace, name }: { view: ViewKind; namespace: string; name: string }) {
  const { kind, singular } = view;
  // The live list of its kind in its namespace (the list view's own subscription when coming from
  // there) says when the object changes or goes; it holds slim objects (pods: rows, as the Pods list
  // holds them — only the name and resourceVersion are read here), so what the page shows and edits
  // is the whole object, read by GET again at each new resourceVersion.
  const params = kind === 'pods' ? { kind, namespace, shape: 'row' as const } : { kind, namespace };
  const live = useLiveList(params);
  const notice = useLiveNotice(params);
  const fromList = useMemo(
    () => (live.data ? listItems(live.data).find((o) => o.metadata?.name === name) : undefined),
    [live.data, name],
  );
  // Gone: the complete list does not have it (a list still arriving in parts may not have it yet).
  const gone = live.status === 'success' && fromList === undefined && live.data.loading === undefined;
  // When the list cannot be watched (RBAC may allow get without list), read the object once.
  const rest = useObject(
    kind,
    namespace,
    name,
    live.status === 'error' || (live.status === 'success' && !gone),
    fromList?.metadata?.resourceVersion,
  );
  const object: KindObject | undefined = gone ? undefined : rest.data;
  const [search] = useSearchParams();
  const requested = search.get('tab');
  const hasLogs = LOGS_TAB.has(kind);
  const tab: DetailTab =
    requested === 'yaml'
      ? 'yaml'
      : requested === 'logs' && hasLogs
        ? 'logs'
        : requested === 'shell' && kind === 'pods'
          ? 'shell'
          : 'overview';
  // Whether the user may open a shell here decides whether the Shell tab can be chosen.
  const shellAccess = usePermission(namespace, EXEC_PERMISSIONS, kind === 'pods');
  const title = `${singular} ${name}`;
  const navigate = useNavigate();
  // The object as it was when "Edit YAML" was pressed; the edit stays while other tabs are looked at.
  const [editing, setEditing] = useState<KindObject | undefined>();
  const [applied, setApplied] = useState<string | undefined>();

  let body: ReactNode;
  if (object !== undefined) {
    body =
      tab === 'yaml' ? (
        editing === undefined && (
          <YamlTab
            kind={kind}
            object={object}
            title={title}
            applied={applied}
            onEdit={() => {
              setApplied(undefined);
              setEditing(object);
            }}
          />
        )
      ) : tab === 'logs' ? (
        <LogsTab kind={kind} object={object} />
      ) : tab === 'shell' ? (
        <ShellPanel pod={object as V1Pod} />
      ) : (
        <Overview kind={kind} object={object} />
      );
  } else if (live.status === 'pending' || (!gone && rest.status === 'pending')) {
    body = <Message>Loading {title}…</Message>;
  } else if (gone) {
    body = (
      <Message role="alert">
        {singular} “{name}” does not exist in namespace {namespace}
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
    const what = `${singular.toLowerCase()} ${name}`;
    body = (
      <ErrorPanel
        error={rest.error ?? live.error}
        forbidden={`You may not read ${what} in namespace ${namespace}`}
        failed={`Cannot read ${what}`}
        testId="detail"
      />
    );
  }

  return (
    <div className="min-h-0 flex-1 overflow-auto">
      <PageHeader
        className="px-4 pt-4"
        documentTitle={`${title} · ${namespace}`}
        breadcrumb={
          <nav aria-label="Breadcrumb" className="text-slate-500 text-sm dark:text-slate-400">
            <Link to={listPath(kind, namespace, search.get('l') ?? undefined)} className="hover:underline">
              {view.label}
            </Link>
            <span aria-hidden="true"> / </span>
            <span>{namespace}</span>
          </nav>
        }
        title={
          <>
            <span className="font-normal text-slate-500 dark:text-slate-400">{singular} </span>
            {name}
          </>
        }
      >
        {kind === 'deployments' && object !== undefined && (
          <HeaderLink to={rolloutPath(namespace, name)} testId="rollout-link">
            Rollout
          </HeaderLink>
        )}
        {kind === 'pods' && object !== undefined && (
          <HeaderLink to={healthPath(namespace, name)} testId="health-link">
            Health
          </HeaderLink>
        )}
        {object !== undefined && (
          <span className="ml-auto flex items-center gap-2">
            <DeleteObjectButton
              kind={kind}
              object={object}
              onDeleted={() => navigate(listPath(kind, namespace, search.get('l') ?? undefined))}
            />
          </span>
        )}
      </PageHeader>
      <div className="px-4 pb-3">
        <DetailTabs
          tabs={[
            'overview',
            ...(hasLogs ? (['logs'] as const) : []),
            ...(kind === 'pods' ? (['shell'] as const) : []),
            'yaml',
          ]}
          current={tab}
          disabled={
            shellAccess.state === 'denied'
              ? { shell: deniedMessage('open a shell', namespace, shellAccess) }
              : {}
          }
        />
      </div>
      <LiveNotice notice={notice} className="mx-4 mb-3" />
      <div id="detail-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} className="space-y-4 px-4 pb-8">
        {editing !== undefined && (
          <YamlEditing
            kind={kind}
            editing={editing}
            live={object}
            visible={tab === 'yaml'}
            onClose={() => setEditing(undefined)}
            onApplied={(message) => {
              setEditing(undefined);
              setApplied(message);
            }}
          />
        )}
        {body}
      </div>
    </div>
  );
}

/** A button-like link beside the heading: "Rollout", "Health". */
function HeaderLink({ to, testId, children }: { to: string; testId: string; children: ReactNode }) {
  return (
    <Link
      to={to}
      data-testid={testId}
      className="rounded-md border border-sky-600 px-2.5 py-1 font-medium text-sky-800 text-sm hover:bg-sky-50 dark:border-sky-500 dark:text-sky-300 dark:hover:bg-sky-950/50"
    >
      {children}
    </Link>
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
