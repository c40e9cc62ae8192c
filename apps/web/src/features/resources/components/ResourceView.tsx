import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import { toDate } from '@wheelhouse/core';
import type { KindObject, ResourceKind } from '@wheelhouse/shared-types';
import { useMemo } from 'react';
import { Age } from '../../../components/live-table/Age';
import { LiveTable } from '../../../components/live-table/LiveTable';
import type { LiveRow } from '../../../components/live-table/types';
import { ViewHeader } from '../../../components/ViewHeader';
import { useViewParams } from '../../../lib/url-state';
import { useLiveNotice } from '../../live/live-context';
import { useLiveList } from '../../live/live-query';
import { listItems } from '../../live/reducers';

interface ObjectRow extends LiveRow {
  created: number | undefined;
}

const rows = new WeakMap<KindObject, ObjectRow>();

function objectRow(obj: KindObject): ObjectRow {
  const cached = rows.get(obj);
  if (cached !== undefined) return cached;
  const meta = obj.metadata;
  const name = meta?.name ?? '';
  const namespace = meta?.namespace ?? '';
  const row: ObjectRow = {
    uid: meta?.uid ?? `${namespace}/${name}`,
    name,
    namespace,
    version: meta?.resourceVersion ?? '',
    created: toDate(meta?.creationTimestamp)?.getTime(),
    search: `${name} ${namespace}`.toLowerCase(),
  };
  rows.set(obj, row);
  return row;
}

const col = createColumnHelper<ObjectRow>();
const columns = [
  col.accessor('namespace', { id: 'namespace', header: 'NAMESPACE', meta: { width: '14rem' } }),
  col.accessor('name', {
    header: 'NAME',
    cell: (c) => (
      <span title={c.getValue()} className="font-medium">
        {c.getValue()}
      </span>
    ),
  }),
  col.accessor('created', {
    id: 'age',
    header: 'AGE',
    cell: (c) => <Age since={c.getValue()} />,
    sortingFn: (a, b) => (b.original.created ?? 0) - (a.original.created ?? 0),
    sortDescFirst: false,
    meta: { width: '6rem', cellClassName: 'tabular-nums' },
  }),
];

const BY_NAME: SortingState = [{ id: 'name', desc: false }];
const BY_NAMESPACE_NAME: SortingState = [
  { id: 'namespace', desc: false },
  { id: 'name', desc: false },
];

/** Any namespaced kind, live, with the columns every object has: NAME, NAMESPACE, AGE. */
export default function ResourceView({
  kind,
  title,
  noun,
}: {
  kind: ResourceKind;
  title: string;
  noun: string;
}) {
  const { namespace, filter, setFilter } = useViewParams();
  const params = { kind, namespace };
  const query = useLiveList(params);
  const notice = useLiveNotice(params);
  const items = useMemo(() => (query.data ? listItems(query.data).map(objectRow) : undefined), [query.data]);

  return (
    <>
      <ViewHeader title={title} namespace={namespace} />
      <LiveTable
        key={`${kind}/${namespace ?? '*'}`}
        noun={noun}
        namespace={namespace}
        rows={items}
        status={query.status}
        error={query.error}
        columns={columns}
        filter={filter}
        onFilterChange={setFilter}
        initialSorting={namespace === undefined ? BY_NAMESPACE_NAME : BY_NAME}
        notice={notice}
      />
    </>
  );
}
