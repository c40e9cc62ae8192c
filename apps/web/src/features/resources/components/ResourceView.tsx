import type { ColumnDef, SortingState } from '@tanstack/react-table';
import type { KindObject, PodListRow } from '@wheelhouse/shared-types';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { secondaryButton } from '../../../components/buttons';
import { LiveListTable } from '../../../components/live-table/LiveListTable';
import { ViewHeader } from '../../../components/ViewHeader';
import {
  configMapRow,
  deploymentRow,
  type ObjectRow,
  podRowOf,
  replicaSetRow,
  secretRow,
  serviceRow,
} from '../../../lib/kubectl/rows';
import { listItems } from '../../../lib/live/reducers';
import { detailPath, withSelector, workloadLogsPath } from '../../../lib/paths';
import { DeleteSelected } from '../../edit/components/DeleteSelected';
import { SelectorInput } from '../../selector/components/SelectorInput';
import { useListView } from '../hooks/use-list-view';
import { useRowSelection } from '../hooks/use-row-selection';
import { COLUMNS } from './columns';

/** The kinds this view lists, each with its row function and kubectl's -o wide columns. */
export type ListedKind = keyof typeof COLUMNS;

/**
 * What each list holds: pods arrive as the rows the BFF computes (a tenth of an object's bytes, the
 * same cells), the other kinds as objects.
 */
interface ListedItem extends Record<ListedKind, unknown> {
  pods: PodListRow;
  deployments: KindObject<'deployments'>;
  replicasets: KindObject<'replicasets'>;
  services: KindObject<'services'>;
  configmaps: KindObject<'configmaps'>;
  secrets: KindObject<'secrets'>;
}
const ROWS: { [K in ListedKind]: (item: ListedItem[K]) => ObjectRow } = {
  pods: podRowOf,
  deployments: deploymentRow,
  replicasets: replicaSetRow,
  services: serviceRow,
  configmaps: configMapRow,
  secrets: secretRow,
};

/** Lists whose label selector is worth a "Logs" link: the pods it picks are a workload's. */
const LOGS_OF: ReadonlySet<ListedKind> = new Set(['pods', 'deployments', 'replicasets', 'services']);

const BY_NAME: SortingState = [{ id: 'name', desc: false }];
/**
 * All namespaces: by namespace, then name, as kubectl sorts. The table sorts by NAMESPACE only (one
 * arrow in the header, not two) and the rows come in sorted by name: the table's sort is stable
 * (TanStack falls back to the row order), so names stay in order within each namespace.
 */
const BY_NAMESPACE: SortingState = [{ id: 'namespace', desc: false }];
const byName = (a: ObjectRow, b: ObjectRow) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The list of one kind (Pods, Deployments, ReplicaSets, Services, ConfigMaps or Secrets) in one
 * namespace or all, live, as `kubectl get <kind> -o wide` prints it: the kind's row function and
 * columns come from the tables above, everything else is the same for every kind.
 */
export default function ResourceView({
  kind,
  title,
  noun,
}: {
  kind: ListedKind;
  title: string;
  noun: string;
}) {
  const { namespace, selector, setSelector, query, notice } = useListView(kind);
  const toRow = ROWS[kind] as (item: ListedItem[ListedKind]) => ObjectRow;
  const objects = useMemo(
    () => (query.data ? (listItems(query.data) as ListedItem[ListedKind][]) : undefined),
    [query.data],
  );
  const rows = useMemo(() => objects?.map(toRow).sort(byName), [objects, toRow]);

  const select = useRowSelection(
    kind,
    namespace,
    objects,
    rows,
    COLUMNS[kind] as ColumnDef<ObjectRow, unknown>[],
  );

  return (
    <>
      <ViewHeader title={title} namespace={namespace} />
      <LiveListTable
        key={`${kind}/${namespace ?? '*'}`}
        noun={noun}
        namespace={namespace}
        query={query}
        rows={rows}
        loading={query.data?.loading}
        columns={select.columns}
        defaultSort={namespace === undefined ? BY_NAMESPACE : BY_NAME}
        notice={notice}
        selector={selector}
        toolbar={
          <>
            <SelectorInput value={selector} onChange={setSelector} />
            {namespace && selector && LOGS_OF.has(kind) && (
              <Link
                to={workloadLogsPath(namespace, selector)}
                data-testid="selector-logs"
                title={`The logs of every pod matching ${selector}, merged and live`}
                className="rounded-md border border-sky-600 px-2.5 py-1 font-medium text-sky-800 text-sm hover:bg-sky-50 dark:border-sky-500 dark:text-sky-300 dark:hover:bg-sky-950/50"
              >
                Logs
              </Link>
            )}
            {select.canSelect && (
              <button
                type="button"
                className={`${secondaryButton} !py-1`}
                aria-pressed={select.selecting}
                onClick={select.toggleSelecting}
                data-testid="select-rows"
              >
                {select.selecting ? 'Done selecting' : 'Select…'}
              </button>
            )}
            <DeleteSelected kind={kind} objects={select.chosen} scope={namespace} onDeleted={select.clear} />
          </>
        }
        rowHref={(row) => withSelector(detailPath(kind, row.namespace, row.name), selector)}
        onRowSpace={select.onRowSpace}
      />
    </>
  );
}
