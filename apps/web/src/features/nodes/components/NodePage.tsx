import type { V1Node } from '@kubernetes/client-node';
import { typeMeta } from '@wheelhouse/shared-types/constants';
import { lazy, Suspense, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { Status } from '../../../components/kubectl/PodStatus';
import { Age } from '../../../components/live-table/Age';
import { PageMessage } from '../../../components/notices';
import { objectPageState } from '../../../components/object-page';
import { PageHeader } from '../../../components/ViewHeader';
import { nodeRow } from '../../../lib/kubectl/cluster-rows';
import { formatLabels } from '../../../lib/kubectl/columns';
import { nodeStatusTone } from '../../../lib/kubectl/status-tone';
import { useLiveList } from '../../../lib/live/live-query';
import { listItems } from '../../../lib/live/reducers';
import { useUrlParam, useViewParams } from '../../../lib/url-state';
import { DetailTabs } from '../../detail/components/DetailTabs';
import { Fields, Section } from '../../detail/components/ui';
import { CapacitySection, ConditionsSection, NodePodsSection } from './node-sections';

const YamlView = lazy(() => import('../../detail/components/YamlView'));

/** Taints as kubectl describe prints them: `key=value:Effect`, one per line. */
function taintText(node: V1Node): string | undefined {
  const taints = node.spec?.taints ?? [];
  if (taints.length === 0) return undefined;
  return taints.map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`).join('\n');
}

/**
 * One node (`/nodes/<name>`), live from the cluster's node watch: what `kubectl get nodes -o wide`
 * prints, `kubectl describe node`'s conditions and capacity/allocatable, the pods bound to it
 * (from the all-namespaces pod rows the Pods list shares) and its YAML (`?tab=yaml`, read-only).
 */
export default function NodePage() {
  const name = useParams().node ?? '';
  const { namespace } = useViewParams();
  const [tab] = useUrlParam('tab');
  const nodes = useLiveList({ kind: 'nodes' });
  const node = useMemo(
    () => (nodes.data ? listItems(nodes.data).find((n) => n.metadata?.name === name) : undefined),
    [nodes.data, name],
  );
  // The Pods list's rows (NODE is one of their cells): the table prints nothing a row lacks, and
  // the all-namespaces Pods list, the palette and the Namespaces counts share the one subscription.
  const pods = useLiveList({ kind: 'pods', shape: 'row' }, { enabled: node !== undefined });
  const podsHere = useMemo(
    () => (pods.data ? listItems(pods.data).filter((p) => p.node === name) : undefined),
    [pods.data, name],
  );
  const allNodes = {
    to: `/nodes${namespace ? `?ns=${encodeURIComponent(namespace)}` : ''}`,
    label: 'All nodes',
  };

  const state = objectPageState(nodes, {
    title: `Node ${name}`,
    namespace: 'the cluster',
    found: node !== undefined,
    missing: `Node "${name}" not found.`,
  });
  if (state !== undefined || node === undefined) {
    return (
      <div className="overflow-auto">
        <PageHeader
          title={`Node ${name}`}
          documentTitle={`Node ${name}`}
          link={allNodes}
          className="px-4 pt-4"
        />
        {state}
      </div>
    );
  }
  const row = nodeRow(node);
  const current = tab === 'yaml' ? 'yaml' : 'overview';

  return (
    <div className="min-h-0 flex-1 overflow-auto px-4 pt-4 pb-8">
      <PageHeader
        title={`Node ${name}`}
        documentTitle={`Node ${name}`}
        link={allNodes}
        subtitle={<Status status={row.status} tone={nodeStatusTone(row.status)} />}
      />
      <DetailTabs tabs={['overview', 'yaml']} current={current} />
      <div id="detail-panel" role="tabpanel" aria-labelledby={`tab-${current}`} className="mt-4 space-y-4">
        {current === 'yaml' ? (
          <Suspense fallback={<PageMessage role="status">Loading YAML…</PageMessage>}>
            <YamlView object={{ ...typeMeta('nodes'), ...node }} label={`YAML of node ${name}`} />
          </Suspense>
        ) : (
          <>
            <Section title="Node" testId="node-summary">
              <Fields
                rows={[
                  ['Status', <Status status={row.status} tone={nodeStatusTone(row.status)} />],
                  ['Roles', row.roles],
                  ['Age', <Age since={row.created} />],
                  ['Version', row.version || '<none>'],
                  ['Internal IP', <span className="font-mono text-xs">{row.internalIp}</span>],
                  ['External IP', <span className="font-mono text-xs">{row.externalIp}</span>],
                  ['OS image', row.osImage],
                  ['Kernel version', row.kernelVersion],
                  ['Container runtime', row.containerRuntime],
                  ['Pod CIDR', node.spec?.podCIDR],
                  [
                    'Taints',
                    <span className="whitespace-pre-line font-mono text-xs">
                      {taintText(node) ?? '<none>'}
                    </span>,
                  ],
                  [
                    'Labels',
                    // One per line (label values hold no comma); text, never markup.
                    <span className="whitespace-pre-line break-all font-mono text-xs">
                      {formatLabels(node.metadata?.labels).replaceAll(',', '\n')}
                    </span>,
                  ],
                  [
                    'Events',
                    <Link
                      // A node's events are in whatever namespace their reporter chose: all of them.
                      to={`/events?${new URLSearchParams({ object: `node/${name}` })}`}
                      className="text-sky-800 hover:underline dark:text-sky-300"
                    >
                      Events of this node
                    </Link>,
                  ],
                ]}
              />
            </Section>
            <ConditionsSection node={node} />
            <CapacitySection node={node} />
            <NodePodsSection pods={podsHere} error={pods.isError ? pods.error : undefined} />
          </>
        )}
      </div>
    </div>
  );
}
