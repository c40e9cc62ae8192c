import { type ColumnDef, createColumnHelper } from '@tanstack/react-table';
import { formatRestarts } from '@wheelhouse/core';
import type { ResourceKind } from '@wheelhouse/shared-types';
import { Link } from 'react-router';
import { Status } from '../../../components/kubectl/PodStatus';
import { Age } from '../../../components/live-table/Age';
import { NameLink } from '../../../components/live-table/NameLink';
import { useNow } from '../../../lib/clock';
import { compareReady } from '../../../lib/kubectl/columns';
import type {
  ConfigMapRow,
  DeploymentRow,
  ObjectRow,
  PodRow,
  ReplicaSetRow,
  SecretRow,
  ServiceRow,
} from '../../../lib/kubectl/rows';
import { detailPath } from '../../../lib/paths';

// biome-ignore lint/suspicious/noExplicitAny: a column list mixes value types; TanStack's own docs type it so
type Columns<R> = ColumnDef<R, any>[];

const num = { cellClassName: 'tabular-nums' };
const mono = 'font-mono text-xs';

/** A truncated cell that shows its whole text on hover. */
function Clipped({ text, className }: { text: string; className?: string }) {
  return (
    <span title={text} className={className}>
      {text}
    </span>
  );
}

/** NAMESPACE, NAME (a link to the object), the kind's own columns, AGE where kubectl prints it. */
function common<R extends ObjectRow>(kind: ResourceKind) {
  const col = createColumnHelper<R>();
  return {
    col,
    namespace: col.accessor((r) => r.namespace, {
      id: 'namespace',
      header: 'NAMESPACE',
      meta: { width: '9.5rem' },
    }),
    name: col.accessor((r) => r.name, {
      id: 'name',
      header: 'NAME',
      cell: (c) => (
        <NameLink name={c.getValue()} href={detailPath(kind, c.row.original.namespace, c.getValue())} />
      ),
      meta: { width: '14rem' },
    }),
    age: col.accessor((r) => r.created, {
      id: 'age',
      header: 'AGE',
      cell: (c) => <Age since={c.getValue()} />,
      // Ascending AGE is youngest first.
      sortingFn: (a, b) => (b.original.created ?? 0) - (a.original.created ?? 0),
      sortDescFirst: false,
      meta: { width: '5.5rem', cellClassName: 'tabular-nums' },
    }),
  };
}

/** "1/2": amber while not every container (or replica) is ready. */
function ReadyRatio({ ready }: { ready: string }) {
  const [have, want] = ready.split('/');
  return <span className={have !== want ? 'text-amber-700 dark:text-amber-400' : undefined}>{ready}</span>;
}

/** RESTARTS as kubectl prints it: `3 (5m ago)`, the age ticking. */
function Restarts({ count, last }: { count: number; last: number | undefined }) {
  const now = useNow();
  return <>{formatRestarts(count, last === undefined ? undefined : new Date(last), new Date(now))}</>;
}

function podColumns(): Columns<PodRow> {
  const { col, namespace, name, age } = common<PodRow>('pods');
  return [
    namespace,
    { ...name, meta: {} },
    col.accessor('ready', {
      header: 'READY',
      cell: (c) => <ReadyRatio ready={c.getValue()} />,
      sortingFn: (a, b) => compareReady(a.original.ready, b.original.ready),
      meta: { width: '5.5rem', ...num },
    }),
    col.accessor('status', {
      header: 'STATUS',
      cell: (c) => <Status status={c.getValue()} />,
      meta: { width: '10.5rem' },
    }),
    col.accessor('restarts', {
      header: 'RESTARTS',
      cell: (c) => <Restarts count={c.getValue()} last={c.row.original.lastRestart} />,
      meta: { width: '8rem', ...num },
    }),
    age,
    col.accessor('ip', { header: 'IP', meta: { width: '7.5rem', cellClassName: mono } }),
    col.accessor('node', { header: 'NODE', meta: { width: '9rem' } }),
  ];
}

function deploymentColumns(): Columns<DeploymentRow> {
  const { col, namespace, name, age } = common<DeploymentRow>('deployments');
  return [
    namespace,
    name,
    col.accessor('ready', {
      header: 'READY',
      cell: (c) => <ReadyRatio ready={c.getValue()} />,
      sortingFn: (a, b) => compareReady(a.original.ready, b.original.ready),
      meta: { width: '5rem', ...num },
    }),
    col.accessor('upToDate', { header: 'UP-TO-DATE', meta: { width: '6.5rem', ...num } }),
    col.accessor('available', { header: 'AVAILABLE', meta: { width: '6rem', ...num } }),
    age,
    col.accessor('containers', {
      header: 'CONTAINERS',
      cell: (c) => <Clipped text={c.getValue()} />,
      meta: { width: '8rem' },
    }),
    col.accessor('images', {
      header: 'IMAGES',
      cell: (c) => <Clipped text={c.getValue()} className={mono} />,
    }),
    col.accessor('selector', {
      header: 'SELECTOR',
      cell: (c) => <Clipped text={c.getValue()} className={mono} />,
      meta: { width: '11rem' },
    }),
  ];
}

function replicaSetColumns(): Columns<ReplicaSetRow> {
  const { col, namespace, name, age } = common<ReplicaSetRow>('replicasets');
  return [
    namespace,
    name,
    col.accessor('desired', { header: 'DESIRED', meta: { width: '5.5rem', ...num } }),
    col.accessor('current', { header: 'CURRENT', meta: { width: '5.5rem', ...num } }),
    col.accessor('ready', {
      header: 'READY',
      cell: (c) => (
        <span
          className={c.getValue() < c.row.original.desired ? 'text-amber-700 dark:text-amber-400' : undefined}
        >
          {c.getValue()}
        </span>
      ),
      meta: { width: '5rem', ...num },
    }),
    age,
    col.accessor('containers', {
      header: 'CONTAINERS',
      cell: (c) => <Clipped text={c.getValue()} />,
      meta: { width: '7rem' },
    }),
    col.accessor('images', {
      header: 'IMAGES',
      cell: (c) => <Clipped text={c.getValue()} className={mono} />,
    }),
    col.accessor('selector', {
      header: 'SELECTOR',
      cell: (c) => <Clipped text={c.getValue()} className={mono} />,
      meta: { width: '19rem' },
    }),
    col.accessor('owner', {
      header: 'OWNER',
      cell: (c) => {
        const { ownerKind, ownerName, namespace: ns } = c.row.original;
        if (ownerKind === 'Deployment' && ownerName) {
          return (
            <Link
              to={detailPath('deployments', ns, ownerName)}
              tabIndex={-1}
              title={c.getValue()}
              className="text-sky-800 hover:underline dark:text-sky-300"
            >
              {c.getValue()}
            </Link>
          );
        }
        return <Clipped text={c.getValue()} />;
      },
      meta: { width: '11rem' },
    }),
  ];
}

function serviceColumns(): Columns<ServiceRow> {
  const { col, namespace, name, age } = common<ServiceRow>('services');
  return [
    namespace,
    name,
    col.accessor('type', { header: 'TYPE', meta: { width: '7.5rem' } }),
    col.accessor('clusterIp', { header: 'CLUSTER-IP', meta: { width: '8.5rem', cellClassName: mono } }),
    col.accessor('externalIp', {
      header: 'EXTERNAL-IP',
      cell: (c) => <Clipped text={c.getValue()} />,
      meta: { width: '8.5rem', cellClassName: mono },
    }),
    col.accessor('ports', {
      header: 'PORT(S)',
      cell: (c) => <Clipped text={c.getValue()} className={mono} />,
    }),
    age,
    col.accessor('selector', {
      header: 'SELECTOR',
      cell: (c) => <Clipped text={c.getValue()} className={mono} />,
      meta: { width: '12rem' },
    }),
  ];
}

function configMapColumns(): Columns<ConfigMapRow> {
  const { col, namespace, name, age } = common<ConfigMapRow>('configmaps');
  return [
    namespace,
    { ...name, meta: {} },
    col.accessor('data', { header: 'DATA', meta: { width: '6rem', ...num } }),
    age,
  ];
}

function secretColumns(): Columns<SecretRow> {
  const { col, namespace, name, age } = common<SecretRow>('secrets');
  return [
    namespace,
    { ...name, meta: {} },
    col.accessor('type', {
      header: 'TYPE',
      cell: (c) => <Clipped text={c.getValue()} />,
      meta: { width: '18rem' },
    }),
    col.accessor('data', { header: 'DATA', meta: { width: '6rem', ...num } }),
    age,
  ];
}

/** Each listed kind's columns, in kubectl's order (NAMESPACE shows only across all namespaces). */
export const COLUMNS = {
  pods: podColumns(),
  deployments: deploymentColumns(),
  replicasets: replicaSetColumns(),
  services: serviceColumns(),
  configmaps: configMapColumns(),
  secrets: secretColumns(),
};
