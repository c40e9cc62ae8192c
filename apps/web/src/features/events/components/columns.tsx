import { createColumnHelper } from '@tanstack/react-table';
import { KINDS, type ViewableKind } from '@wheelhouse/shared-types/constants';
import { Link } from 'react-router';
import { Age } from '../../../components/live-table/Age';
import {
  Clipped,
  type Columns,
  clippedCell,
  NUMERIC,
  namespaceColumn,
} from '../../../components/live-table/object-columns';
import type { EventRow, EventTarget } from '../../../lib/kubectl/cluster-rows';
import { detailPath, nodePath } from '../../../lib/paths';

const col = createColumnHelper<EventRow>();

/**
 * The page of an event's object when the dashboard has one (the six kinds, and nodes), keeping
 * `namespace`, the namespace in view, for a node's page; undefined for other kinds.
 */
export function targetPath(
  target: EventTarget | undefined,
  namespace: string | undefined,
): string | undefined {
  if (target === undefined) return undefined;
  if (target.kind === 'nodes') return nodePath(target.name, namespace);
  if (!('view' in KINDS[target.kind])) return undefined;
  return detailPath(target.kind as ViewableKind, target.namespace, target.name);
}

/** `kubectl get events`' columns (NAMESPACE across all namespaces), plus -o wide's COUNT. */
export function eventColumns(namespace: string | undefined): Columns<EventRow> {
  return [
    namespaceColumn<EventRow>(),
    col.accessor((r) => r.lastSeen, {
      id: 'lastseen',
      header: 'LAST SEEN',
      cell: (c) => <Age since={c.getValue()} />,
      sortingFn: (a, b) => (a.original.lastSeen ?? 0) - (b.original.lastSeen ?? 0),
      meta: { width: '6.5rem', cellClassName: NUMERIC },
    }),
    col.accessor('type', {
      header: 'TYPE',
      cell: (c) => (
        <span
          className={
            c.getValue() === 'Warning' ? 'font-medium text-amber-700 dark:text-amber-400' : undefined
          }
        >
          {c.getValue()}
        </span>
      ),
      meta: { width: '5.5rem' },
    }),
    col.accessor('reason', { header: 'REASON', cell: clippedCell, meta: { width: '10.5rem' } }),
    col.accessor('object', {
      header: 'OBJECT',
      cell: (c) => {
        const href = targetPath(c.row.original.target, namespace);
        if (href === undefined) return <Clipped text={c.getValue()} />;
        return (
          <Link
            to={href}
            tabIndex={-1}
            title={c.getValue()}
            className="font-medium text-sky-800 hover:underline dark:text-sky-300"
          >
            {c.getValue()}
          </Link>
        );
      },
      meta: { width: '17rem' },
    }),
    col.accessor('message', { header: 'MESSAGE', cell: clippedCell }),
    col.accessor('count', { header: 'COUNT', meta: { width: '5rem', cellClassName: NUMERIC } }),
  ];
}
