import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import { formatRestarts } from '@wheelhouse/core';
import { useMemo } from 'react';
import { Age } from '../../../components/live-table/Age';
import { LiveTable } from '../../../components/live-table/LiveTable';
import { NameLink } from '../../../components/live-table/NameLink';
import { ViewHeader } from '../../../components/ViewHeader';
import { useNow } from '../../../lib/clock';
import { listItems } from '../../../lib/live/reducers';
import { detailPath, withSelector } from '../../../lib/paths';
import { useListView } from '../../resources/hooks/use-list-view';
import { compareReady } from '../../resources/lib/kubectl-columns';
import { SelectorInput } from '../../selector/components/SelectorInput';
import { type PodRow, podRow } from '../lib/pod-rows';
import { Status } from './PodStatus';

/** "1/2": amber while not every container is ready. */
function Ready({ ready }: { ready: string }) {
  const [have, want] = ready.split('/');
  const short = have !== want;
  return <span className={short ? 'text-amber-700 dark:text-amber-400' : undefined}>{ready}</span>;
}

function Restarts({ count, last }: { count: number; last: number | undefined }) {
  const now = useNow();
  return <>{formatRestarts(count, last === undefined ? undefined : new Date(last), new Date(now))}</>;
}

const col = createColumnHelper<PodRow>();
const columns = [
  col.accessor('namespace', { id: 'namespace', header: 'NAMESPACE', meta: { width: '9.5rem' } }),
  col.accessor('name', {
    header: 'NAME',
    cell: (c) => (
      <NameLink name={c.getValue()} href={detailPath('pods', c.row.original.namespace, c.getValue())} />
    ),
  }),
  col.accessor('ready', {
    header: 'READY',
    cell: (c) => <Ready ready={c.getValue()} />,
    sortingFn: (a, b) => compareReady(a.original.ready, b.original.ready),
    meta: { width: '5.5rem', cellClassName: 'tabular-nums' },
  }),
  col.accessor('status', {
    header: 'STATUS',
    cell: (c) => <Status status={c.getValue()} />,
    meta: { width: '10.5rem' },
  }),
  col.accessor('restarts', {
    header: 'RESTARTS',
    cell: (c) => <Restarts count={c.getValue()} last={c.row.original.lastRestart} />,
    meta: { width: '8rem', cellClassName: 'tabular-nums' },
  }),
  col.accessor('created', {
    id: 'age',
    header: 'AGE',
    cell: (c) => <Age since={c.getValue()} />,
    // Ascending AGE is youngest first.
    sortingFn: (a, b) => (b.original.created ?? 0) - (a.original.created ?? 0),
    sortDescFirst: false,
    meta: { width: '5.5rem', cellClassName: 'tabular-nums' },
  }),
  col.accessor('ip', { header: 'IP', meta: { width: '7.5rem', cellClassName: 'font-mono text-xs' } }),
  col.accessor('node', { header: 'NODE', meta: { width: '9rem' } }),
];

const BY_NAME: SortingState = [{ id: 'name', desc: false }];
const BY_NAMESPACE_NAME: SortingState = [
  { id: 'namespace', desc: false },
  { id: 'name', desc: false },
];

/** The pods of one namespace (or all), live, as `kubectl get pods -o wide` prints them. */
export default function PodsView() {
  const { namespace, filter, setFilter, selector, setSelector, query, notice } = useListView('pods');
  const rows = useMemo(() => (query.data ? listItems(query.data).map(podRow) : undefined), [query.data]);

  return (
    <>
      <ViewHeader title="Pods" namespace={namespace} />
      <LiveTable
        key={namespace ?? '*'}
        noun="pods"
        namespace={namespace}
        rows={rows}
        status={query.status}
        error={query.error}
        columns={columns}
        filter={filter}
        onFilterChange={setFilter}
        initialSorting={namespace === undefined ? BY_NAMESPACE_NAME : BY_NAME}
        notice={notice}
        selector={selector}
        toolbar={<SelectorInput value={selector} onChange={setSelector} />}
        rowHref={(row) => withSelector(detailPath('pods', row.namespace, row.name), selector)}
      />
    </>
  );
}
