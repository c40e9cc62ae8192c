import type { SortingState } from '@tanstack/react-table';
import { useMemo } from 'react';
import { ClusterListPage } from '../../../components/live-table/ClusterListPage';
import { nodeRow } from '../../../lib/kubectl/cluster-rows';
import { useLiveNotice } from '../../../lib/live/live-context';
import { useLiveList } from '../../../lib/live/live-query';
import { listItems } from '../../../lib/live/reducers';
import { nodePath } from '../../../lib/paths';
import { useViewParams } from '../../../lib/url-state';
import { nodeColumns } from './columns';

const BY_NAME: SortingState = [{ id: 'name', desc: false }];
const PARAMS = { kind: 'nodes' } as const;

/**
 * The cluster's nodes as `kubectl get nodes -o wide` prints them, live. Nodes have no namespace:
 * the one in view (`?ns=`) is only carried along, so the views reached from here stay in it.
 */
export default function NodesView() {
  const { namespace } = useViewParams();
  const query = useLiveList(PARAMS);
  const notice = useLiveNotice(PARAMS);
  const rows = useMemo(() => (query.data ? listItems(query.data).map(nodeRow) : undefined), [query.data]);
  const columns = useMemo(() => nodeColumns(namespace), [namespace]);

  return (
    <ClusterListPage
      title="Nodes"
      noun="nodes"
      query={query}
      rows={rows}
      columns={columns}
      defaultSort={BY_NAME}
      notice={notice}
      rowHref={(row) => nodePath(row.name, namespace)}
    />
  );
}
