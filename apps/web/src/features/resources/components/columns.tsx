import { createColumnHelper } from '@tanstack/react-table';
import type { ResourceKind } from '@wheelhouse/shared-types';
import { Link } from 'react-router';
import { NodeLink } from '../../../components/kubectl/NodeLink';
import { Status } from '../../../components/kubectl/PodStatus';
import { ReadyRatio } from '../../../components/kubectl/ReadyRatio';
import { Restarts } from '../../../components/kubectl/Restarts';
import { fitWidth } from '../../../components/live-table/column-widths';
import { NameLink } from '../../../components/live-table/NameLink';
import {
  ageColumn,
  Clipped,
  type Columns,
  clippedCell,
  clippedMonoCell,
  MONO,
  NUMERIC,
  namespaceColumn,
} from '../../../components/live-table/object-columns';
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

const num = { cellClassName: NUMERIC };

/** NAMESPACE, NAME (a link to the object), the kind's own columns, AGE where kubectl prints it. */
function common<R extends ObjectRow>(kind: ResourceKind) {
  const col = createColumnHelper<R>();
  return {
    col,
    namespace: namespaceColumn<R>(),
    name: col.accessor((r) => r.name, {
      id: 'name',
      header: 'NAME',
      cell: (c) => (
        <NameLink name={c.getValue()} href={detailPath(kind, c.row.original.namespace, c.getValue())} />
      ),
      meta: { width: '14rem' },
    }),
    age: ageColumn<R>('5.5rem'),
  };
}

/** READY as `ready/wanted` (pods' containers, a Deployment's replicas), least ready first. */
function readyRatioColumn<R extends ObjectRow & { ready: string }>(width: string) {
  return createColumnHelper<R>().accessor((r) => r.ready, {
    id: 'ready',
    header: 'READY',
    cell: (c) => <ReadyRatio ready={c.getValue()} />,
    sortingFn: (a, b) => compareReady(a.original.ready, b.original.ready),
    meta: { width, ...num },
  });
}

/** The usual longest STATUS and RESTARTS, which their columns fit whole. */
const LONG_STATUS = 'Init:CrashLoopBackOff';
const LONG_RESTARTS = '12 (125m ago)';

function podColumns(): Columns<PodRow> {
  const { col, namespace, name, age } = common<PodRow>('pods');
  return [
    namespace,
    // A pod's name is its owner's plus two hashes; the NODE column takes the slack.
    { ...name, meta: { width: '17rem' } },
    readyRatioColumn<PodRow>('5.5rem'),
    col.accessor('status', {
      header: 'STATUS',
      cell: (c) => <Status status={c.getValue()} />,
      // The longest status kubectl commonly prints, plus the dot before it.
      meta: { width: fitWidth(LONG_STATUS, 0.75) },
    }),
    col.accessor('restarts', {
      header: 'RESTARTS',
      cell: (c) => <Restarts count={c.getValue()} last={c.row.original.lastRestart} />,
      meta: { width: fitWidth(LONG_RESTARTS), ...num },
    }),
    age,
    col.accessor('ip', { header: 'IP', meta: { width: '7.5rem', cellClassName: MONO } }),
    col.accessor('node', { header: 'NODE', cell: (c) => <NodeLink name={c.getValue()} tabbable={false} /> }),
    col.accessor('nominatedNode', { header: 'NOMINATED NODE', cell: clippedCell, meta: { width: '9rem' } }),
    col.accessor('readinessGates', { header: 'READINESS GATES', meta: { width: '9.5rem', ...num } }),
  ];
}

function deploymentColumns(): Columns<DeploymentRow> {
  const { col, namespace, name, age } = common<DeploymentRow>('deployments');
  return [
    namespace,
    name, // IMAGES takes the slack: its tag is what differs between revisions.
    readyRatioColumn<DeploymentRow>('5rem'),
    col.accessor('upToDate', { header: 'UP-TO-DATE', meta: { width: '6.5rem', ...num } }),
    col.accessor('available', { header: 'AVAILABLE', meta: { width: '6rem', ...num } }),
    age,
    col.accessor('containers', { header: 'CONTAINERS', cell: clippedCell, meta: { width: '8rem' } }),
    col.accessor('images', { header: 'IMAGES', cell: clippedMonoCell }),
    col.accessor('selector', { header: 'SELECTOR', cell: clippedMonoCell, meta: { width: '11rem' } }),
  ];
}

function replicaSetColumns(): Columns<ReplicaSetRow> {
  const { col, namespace, name, age } = common<ReplicaSetRow>('replicasets');
  return [
    namespace,
    // A ReplicaSet's name is its Deployment's plus the template hash.
    { ...name, meta: { width: '16rem' } },
    col.accessor('desired', { header: 'DESIRED', meta: { width: '5rem', ...num } }),
    col.accessor('current', { header: 'CURRENT', meta: { width: '5rem', ...num } }),
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
    col.accessor('containers', { header: 'CONTAINERS', cell: clippedCell, meta: { width: '7rem' } }),
    col.accessor('images', { header: 'IMAGES', cell: clippedMonoCell }),
    col.accessor('selector', { header: 'SELECTOR', cell: clippedMonoCell, meta: { width: '12rem' } }),
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
    col.accessor('clusterIp', { header: 'CLUSTER-IP', meta: { width: '8.5rem', cellClassName: MONO } }),
    col.accessor('externalIp', {
      header: 'EXTERNAL-IP',
      cell: clippedCell,
      meta: { width: '8.5rem', cellClassName: MONO },
    }),
    col.accessor('ports', { header: 'PORT(S)', cell: clippedMonoCell, meta: { width: '12rem' } }),
    age,
    // SELECTOR, last, takes the slack (it was PORT(S), mostly blank).
    col.accessor('selector', { header: 'SELECTOR', cell: clippedMonoCell }),
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
    col.accessor('type', { header: 'TYPE', cell: clippedCell, meta: { width: '18rem' } }),
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
