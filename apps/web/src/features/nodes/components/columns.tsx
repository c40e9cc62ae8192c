import { type ColumnDef, createColumnHelper } from '@tanstack/react-table';
import { Status } from '../../../components/kubectl/PodStatus';
import { Age } from '../../../components/live-table/Age';
import { NameLink } from '../../../components/live-table/NameLink';
import type { NodeRow } from '../../../lib/kubectl/cluster-rows';
import { nodeStatusTone } from '../../../lib/kubectl/status-tone';
import { nodePath } from '../../../lib/paths';

const col = createColumnHelper<NodeRow>();
const mono = 'font-mono text-xs';

/** A truncated cell that shows its whole text on hover. */
function Clipped({ text, className }: { text: string; className?: string }) {
  return (
    <span title={text} className={className}>
      {text}
    </span>
  );
}

/**
 * `kubectl get nodes -o wide`'s columns, in its order, sized so all ten fit 1440 px beside the nav
 * (NAME takes the slack; a longer OS image, kernel or runtime is cut with its whole text as tooltip). `namespace` is the namespace in view, which
 * the NAME link carries to the node page (nodes have none of their own).
 */
// biome-ignore lint/suspicious/noExplicitAny: a column list mixes value types; TanStack's own docs type it so
export function nodeColumns(namespace: string | undefined): ColumnDef<NodeRow, any>[] {
  return [
    col.accessor('name', {
      header: 'NAME',
      cell: (c) => <NameLink name={c.getValue()} href={nodePath(c.getValue(), namespace)} />,
    }),
    col.accessor('status', {
      header: 'STATUS',
      cell: (c) => <Status status={c.getValue()} tone={nodeStatusTone(c.getValue())} />,
      // Whole: `Ready,SchedulingDisabled` is what a cordoned node looks like (fitWidth's worst-case
      // glyph would make it half again as wide as this text ever draws).
      meta: { width: '13rem' },
    }),
    col.accessor('roles', {
      header: 'ROLES',
      cell: (c) => <Clipped text={c.getValue()} />,
      meta: { width: '6.5rem' },
    }),
    col.accessor((r) => r.created, {
      id: 'age',
      header: 'AGE',
      cell: (c) => <Age since={c.getValue()} />,
      // Ascending AGE is youngest first.
      sortingFn: (a, b) => (b.original.created ?? 0) - (a.original.created ?? 0),
      sortDescFirst: false,
      meta: { width: '4rem', cellClassName: 'tabular-nums' },
    }),
    col.accessor('version', {
      header: 'VERSION',
      cell: (c) => <Clipped text={c.getValue()} />,
      meta: { width: '6.5rem' },
    }),
    col.accessor('internalIp', { header: 'INTERNAL-IP', meta: { width: '7rem', cellClassName: mono } }),
    col.accessor('externalIp', { header: 'EXTERNAL-IP', meta: { width: '7rem', cellClassName: mono } }),
    col.accessor('osImage', {
      header: 'OS-IMAGE',
      cell: (c) => <Clipped text={c.getValue()} />,
      meta: { width: '7rem' },
    }),
    col.accessor('kernelVersion', {
      header: 'KERNEL-VERSION',
      cell: (c) => <Clipped text={c.getValue()} />,
      meta: { width: '7.5rem' },
    }),
    col.accessor('containerRuntime', {
      header: 'CONTAINER-RUNTIME',
      cell: (c) => <Clipped text={c.getValue()} />,
      meta: { width: '9.5rem' },
    }),
  ];
}
