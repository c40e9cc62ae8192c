import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import { KINDS, VIEWABLE_KINDS, type ViewableKind } from '@wheelhouse/shared-types/constants';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { Status } from '../../../components/kubectl/PodStatus';
import { ClusterListPage } from '../../../components/live-table/ClusterListPage';
import { ageColumn, type Columns, NUMERIC } from '../../../components/live-table/object-columns';
import { type NamespaceRow, namespaceRow } from '../../../lib/kubectl/cluster-rows';
import { namespaceStatusTone } from '../../../lib/kubectl/status-tone';
import { useLiveNotice } from '../../../lib/live/live-context';
import { useLiveList } from '../../../lib/live/live-query';
import { listItems } from '../../../lib/live/reducers';
import { listPath } from '../../../lib/paths';
import { useViewParams } from '../../../lib/url-state';
import { type NamespaceCounts, useNamespaceCounts } from '../hooks/use-namespace-counts';

const BY_NAME: SortingState = [{ id: 'name', desc: false }];
const PARAMS = { kind: 'namespaces' } as const;
/**
 * A namespace's row with its counts in it: TanStack Table caches each cell's value per row object,
 * so a count that changes must come in a new row, not from a column reading outside state.
 */
interface CountedRow extends NamespaceRow {
  counts: Record<ViewableKind, number | undefined>;
}

const col = createColumnHelper<CountedRow>();
const linkClass = 'text-sky-800 hover:underline dark:text-sky-300';

/**
 * NAME (opens the namespace: the Pods list in it), STATUS and AGE as `kubectl get namespaces`
 * prints them, then how many of each of the six kinds it holds, each a link into that list there.
 */
function namespaceColumns(errors: Record<ViewableKind, string | undefined>): Columns<CountedRow> {
  return [
    col.accessor('name', {
      header: 'NAME',
      cell: (c) => (
        <Link
          to={listPath('pods', c.getValue())}
          tabIndex={-1}
          title={`Switch to namespace ${c.getValue()}`}
          className={`font-medium ${linkClass}`}
        >
          {c.getValue()}
        </Link>
      ),
    }),
    col.accessor('status', {
      header: 'STATUS',
      cell: (c) => <Status status={c.getValue()} tone={namespaceStatusTone(c.getValue())} />,
      meta: { width: '8.5rem' },
    }),
    ageColumn<CountedRow>('5.5rem'),
    ...VIEWABLE_KINDS.map((kind) => {
      const error = errors[kind];
      const { label, noun } = KINDS[kind].view;
      return col.accessor((r) => r.counts[kind], {
        id: kind,
        header: label.toUpperCase(),
        sortUndefined: 'last',
        cell: (c) => {
          if (error !== undefined) return <span title={`Cannot count ${noun}: ${error}`}>—</span>;
          if (c.getValue() === undefined) return <span className="text-slate-400">…</span>;
          return (
            <Link
              to={listPath(kind, c.row.original.name)}
              tabIndex={-1}
              aria-label={`${c.getValue()} ${noun} in ${c.row.original.name}`}
              // An empty kind is muted, so the namespaces' contents stand out.
              className={
                c.getValue() === 0 ? 'text-slate-500 hover:underline dark:text-slate-400' : linkClass
              }
            >
              {c.getValue()}
            </Link>
          );
        },
        meta: {
          width:
            kind === 'replicasets' || kind === 'deployments' || kind === 'configmaps' ? '8rem' : '6.5rem',
          cellClassName: NUMERIC,
        },
      });
    }),
  ];
}

function errorsOf(counts: NamespaceCounts): Record<ViewableKind, string | undefined> {
  return Object.fromEntries(VIEWABLE_KINDS.map((k) => [k, counts[k].error])) as Record<
    ViewableKind,
    string | undefined
  >;
}

/**
 * The cluster's namespaces, live, with what each holds. Cluster-scoped: the namespace in view
 * (`?ns=`) stays in the URL for the other views and is named in the title.
 */
export default function NamespacesView() {
  const { namespace } = useViewParams();
  const query = useLiveList(PARAMS);
  const notice = useLiveNotice(PARAMS);
  const counts = useNamespaceCounts();
  const rows = useMemo(
    () =>
      query.data
        ? listItems(query.data).map((ns): CountedRow => {
            const row = namespaceRow(ns);
            const counted = {} as CountedRow['counts'];
            for (const kind of VIEWABLE_KINDS) {
              const perNamespace = counts[kind].counts;
              counted[kind] = perNamespace === undefined ? undefined : (perNamespace.get(row.name) ?? 0);
            }
            return { ...row, counts: counted };
          })
        : undefined,
    [query.data, counts],
  );
  const errorKey = VIEWABLE_KINDS.map((k) => counts[k].error ?? '').join('\n');
  // Columns change only when a kind becomes countable or not (its error), not with every count.
  const columns = useMemo(() => namespaceColumns(errorsOf(counts)), [errorKey]);

  return (
    <ClusterListPage
      title="Namespaces"
      subtitle={namespace ? `in the cluster · viewing ${namespace}` : 'in the cluster'}
      noun="namespaces"
      query={query}
      rows={rows}
      columns={columns}
      defaultSort={BY_NAME}
      notice={notice}
      rowHref={(row) => listPath('pods', row.name)}
    />
  );
}
