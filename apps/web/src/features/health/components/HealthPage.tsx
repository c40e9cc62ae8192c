import { podStatus } from '@wheelhouse/core';
import { useParams } from 'react-router';
import { ReadyRatio } from '../../../components/kubectl/ReadyRatio';
import { Restarts } from '../../../components/kubectl/Restarts';
import { Age } from '../../../components/live-table/Age';
import { LiveNotice } from '../../../components/notices';
import { objectPageState, PanelSection } from '../../../components/object-page';
import { Cell, Row, Table } from '../../../components/table';
import { PageHeader } from '../../../components/ViewHeader';
import { detailPath } from '../../../lib/paths';
import { usePodHealth } from '../hooks/use-pod-health';
import type { Membership } from '../lib/membership';
import type { ProbeEventGroup } from '../lib/probe-events';
import { type LintFinding, probedContainers } from '../lib/probe-lint';
import { ContainerHealth } from './ContainerHealth';

function MembershipTable({ membership }: { membership: readonly Membership[] }) {
  return (
    <Table
      label="Service membership"
      headers={['SERVICE', 'IN ROTATION', 'READY', 'SERVING', 'TERMINATING', 'ENDPOINTSLICE', 'WHY']}
      framed
    >
      {membership.map((m) => (
        <Row key={m.service} testId={`member-${m.service}`}>
          <Cell mono>{m.service}</Cell>
          <Cell>
            <span
              data-testid={`rotation-${m.service}`}
              className={`whitespace-nowrap rounded px-1.5 py-0.5 font-medium text-xs ${
                m.inRotation
                  ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200'
                  : 'bg-rose-100 text-rose-800 dark:bg-rose-900 dark:text-rose-200'
              }`}
            >
              {m.inRotation ? 'in rotation' : 'out of rotation'}
            </span>
          </Cell>
          <Cell mono>{m.endpoint ? String(m.endpoint.ready) : '—'}</Cell>
          <Cell mono>{m.endpoint ? String(m.endpoint.serving) : '—'}</Cell>
          <Cell mono>{m.endpoint ? String(m.endpoint.terminating) : '—'}</Cell>
          <Cell mono className="text-xs">
            {m.endpoint?.slice ?? '—'}
          </Cell>
          <Cell>{m.why ?? ''}</Cell>
        </Row>
      ))}
    </Table>
  );
}

function ProbeLint({ findings }: { findings: readonly LintFinding[] }) {
  if (findings.length === 0) return <p className="text-slate-500 text-sm">Nothing to flag.</p>;
  return (
    <ul className="space-y-1.5">
      {findings.map((f) => (
        <li
          key={`${f.rule}-${f.container}-${f.probe ?? ''}`}
          className={`rounded-md border px-3 py-2 text-sm ${
            f.severity === 'warning'
              ? 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40'
              : 'border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900'
          }`}
          data-testid={`lint-${f.rule}`}
        >
          <span className="mr-2 font-mono font-semibold text-xs">{f.container}</span>
          {f.message}
        </li>
      ))}
    </ul>
  );
}

function ProbeEventsTable({ groups }: { groups: readonly ProbeEventGroup[] }) {
  return (
    <Table
      label="Probe events"
      headers={['CONTAINER', 'PROBE', 'REASON', 'COUNT', 'LAST', 'LAST MESSAGE']}
      framed
    >
      {groups.map((g) => (
        <Row key={g.key}>
          <Cell mono>{g.container}</Cell>
          <Cell>{g.probe}</Cell>
          <Cell mono>{g.reason}</Cell>
          <Cell mono>{g.count}</Cell>
          <Cell mono>
            <Age since={g.last} />
          </Cell>
          <Cell className="text-xs">{g.lastMessage}</Cell>
        </Row>
      ))}
    </Table>
  );
}

/** `/pods/:namespace/:name/health`: probes, probe events, Service membership and probe lint of one pod, live. */
export default function HealthPage() {
  const { namespace = '', name = '' } = useParams();
  const health = usePodHealth(namespace, name);
  const { pod } = health;

  const title = `pod/${name}`;
  const state = objectPageState(health.list, {
    title,
    namespace,
    found: pod !== undefined,
    missing: `There is no pod ${name} in namespace ${namespace} (it may have been deleted or replaced).`,
  });
  if (state !== undefined || pod === undefined) return state;
  const summary = podStatus(pod);
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  const owner = pod.metadata?.ownerReferences?.find((o) => o.controller);

  return (
    <div className="min-h-0 flex-1 space-y-6 overflow-y-auto px-4 py-4" data-testid="health-page">
      <PageHeader
        title={title}
        subtitle={`health in namespace ${namespace}`}
        documentTitle={`${title} health · ${namespace}`}
        link={{ to: detailPath('pods', namespace, name), label: 'Pod details' }}
      >
        <span className="font-mono text-sm" data-testid="pod-summary">
          READY <ReadyRatio ready={summary.ready} /> · {summary.status} · RESTARTS{' '}
          <Restarts count={summary.restarts} last={summary.lastRestart?.getTime()} />
        </span>
        {owner && (
          <span className="text-slate-500 text-xs">
            owned by {owner.kind}/{owner.name}
          </span>
        )}
      </PageHeader>
      <LiveNotice notice={health.notice} />

      <PanelSection title="Service membership" testId="membership">
        {health.services.length === 0 ? (
          <p className="text-slate-500 text-sm">No Service in {namespace} selects this pod.</p>
        ) : (
          <MembershipTable membership={health.membership} />
        )}
      </PanelSection>

      <PanelSection title="Containers and probes" testId="containers">
        {probedContainers(pod).map((c) => (
          <ContainerHealth
            key={c.name}
            c={c}
            status={statuses.find((s) => s.name === c.name)}
            backOff={health.backOffs.get(c.name)}
          />
        ))}
      </PanelSection>

      <PanelSection title="Probe lint" testId="lint">
        <ProbeLint findings={health.findings} />
      </PanelSection>

      <PanelSection title="Probe events" testId="probe-events">
        {health.probeEvents.length === 0 ? (
          <p className="text-slate-500 text-sm">No probe failures or kills recorded for this pod.</p>
        ) : (
          <ProbeEventsTable groups={health.probeEvents} />
        )}
      </PanelSection>
    </div>
  );
}
