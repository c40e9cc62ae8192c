import { createColumnHelper } from '@tanstack/react-table';
import { Status } from '../../../components/kubectl/PodStatus';
import { NameLink } from '../../../components/live-table/NameLink';
import { ageColumn, type Columns, clippedCell, MONO } from '../../../components/live-table/object-columns';
import type { NodeRow } from '../../../lib/kubectl/cluster-rows';
import { nodeStatusTone } from '../../../lib/kubectl/status-tone';
import { nodePath } from '../../../lib/paths';

const col = createColumnHelper<NodeRow>();

/**
 * `kubectl get nodes -o wide`'s columns, in its order, sized so all ten fit 1440 px beside the nav
 * (NAME takes the slack; a longer OS image, kernel or runtime is cut with its whole text as tooltip). `namespace` is the namespace in view, which
 * the NAME link carries to the node page (nodes have none of their own).
 */
export function nodeColumns(namespace: string | undefined): Columns<NodeRow> {
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
    col.accessor('roles', { header: 'ROLES', cell: clippedCell, meta: { width: '6.5rem' } }),
    ageColumn<NodeRow>('4rem'),
    col.accessor('version', { header: 'VERSION', cell: clippedCell, meta: { width: '6.5rem' } }),
    col.accessor('internalIp', { header: 'INTERNAL-IP', meta: { width: '7rem', cellClassName: MONO } }),
    col.accessor('externalIp', { header: 'EXTERNAL-IP', meta: { width: '7rem', cellClassName: MONO } }),
    col.accessor('osImage', { header: 'OS-IMAGE', cell: clippedCell, meta: { width: '7rem' } }),
    col.accessor('kernelVersion', { header: 'KERNEL-VERSION', cell: clippedCell, meta: { width: '7.5rem' } }),
    col.accessor('containerRuntime', {
      header: 'CONTAINER-RUNTIME',
      cell: clippedCell,
      meta: { width: '9.5rem' },
    }),
  ];
}
