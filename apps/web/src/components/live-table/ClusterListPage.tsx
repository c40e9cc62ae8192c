import { PageHeader } from '../ViewHeader';
import { LiveListTable, type LiveListTableProps } from './LiveListTable';
import type { LiveRow } from './types';

/**
 * The page of a cluster-scoped kind (namespaces, nodes): its title, "in the cluster", above its live
 * table. The table has no NAMESPACE column and its messages say "in the cluster".
 */
export function ClusterListPage<R extends LiveRow>({
  title,
  subtitle = 'in the cluster',
  ...table
}: Omit<LiveListTableProps<R>, 'namespace' | 'scope'> & { title: string; subtitle?: string }) {
  return (
    <>
      <PageHeader title={title} subtitle={subtitle} documentTitle={title} className="px-4 pt-4 pb-3" />
      <LiveListTable {...table} namespace={undefined} scope="the cluster" />
    </>
  );
}
