import { type ColumnDef, createColumnHelper } from '@tanstack/react-table';
import { KINDS, type ViewableKind } from '@wheelhouse/shared-types/constants';
import { Link } from 'react-router';
import { Age } from '../../../components/live-table/Age';
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

/** A truncated cell that shows its whole text on hover; markup in it stays text (React escapes it). */
function Clipped({ text, className }: { text: string; className?: string }) {
  return (
    <span title={text} className={className}>
      {text}
    </span>
  );
}

/** `kubectl get events`' columns (NAMESPACE across all namespaces), plus -o wide's COUNT. */
// biome-ignore lint/suspicious/noExplicitAny: a column list mixes value types; TanStack's own docs type it so
export function eventColumns(namespace: string | undefined): ColumnDef<EventRow, any>[] {
  return [
    col.accessor((r) => r.namespace, { id: 'namespace', header: 'NAMESPACE', meta: { width: '9.5rem' } }),
    col.accessor((r) => r.lastSeen, {
      id: 'lastseen',
      header: 'LAST SEEN',
      cell: (c) => <Age since={c.getValue()} />,
      sortingFn: (a, b) => (a.original.lastSeen ?? 0) - (b.original.lastSeen ?? 0),
      meta: { width: '6.5rem', cellClassName: 'tabular-nums' },
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
    col.accessor('reason', {
      header: 'REASON',
      cell: (c) => <Clipped text={c.getValue()} />,
      meta: { width: '10.5rem' },
    }),
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
    col.accessor('message', { header: 'MESSAGE', cell: (c) => <Clipped text={c.getValue()} /> }),
    col.accessor('count', { header: 'COUNT', meta: { width: '5rem', cellClassName: 'tabular-nums' } }),
  ];
}
