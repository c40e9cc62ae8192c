import { useState } from 'react';
import { useParams } from 'react-router';
import { LiveNotice } from '../../../components/notices';
import { objectPageState, PanelSection } from '../../../components/object-page';
import { PageHeader } from '../../../components/ViewHeader';
import { rolloutBudget } from '../../../lib/deployment-strategy';
import { listPath } from '../../../lib/paths';
import { useRollout } from '../hooks/use-rollout';
import { actionStates } from '../lib/action-rules';
import { ActionDialog, type DialogRequest } from './ActionDialog';
import { ReplicaSetsTable } from './ReplicaSetsTable';
import { RevisionHistory } from './RevisionHistory';
import { RolloutActions } from './RolloutActions';
import { RolloutConditions } from './RolloutConditions';
import { RolloutEvents } from './RolloutEvents';
import { RolloutFacts } from './RolloutFacts';
import { RolloutPods } from './RolloutPods';
import { RolloutStatusCard } from './RolloutStatusCard';
import { Timeline } from './Timeline';
/** `/deployments/:namespace/:name/rollout`: one Deployment's rollout, live, with its actions. */
export default function RolloutPage() {
  const { namespace = '', name = '' } = useParams();
  const rollout = useRollout(namespace, name);
  const { deployment: d, replicaSets, history, permissions } = rollout;
  const [dialog, setDialog] = useState<DialogRequest | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const open = (request: DialogRequest) => {
    setDone(undefined);
    setDialog(request);
  };

  const title = `deployment/${name}`;
  const state = objectPageState(rollout.list, {
    title,
    namespace,
    found: d !== undefined,
    missing: `There is no deployment ${name} in namespace ${namespace} (it may have been deleted).`,
  });
  if (state !== undefined || d === undefined) return state;
  const budget = rolloutBudget(d) ?? { maxSurge: 0, maxUnavailable: 0 };

  return (
    <div className="min-h-0 flex-1 space-y-6 overflow-y-auto px-4 py-4" data-testid="rollout-page">
      <PageHeader
        title={title}
        subtitle={`rollout in namespace ${namespace}`}
        documentTitle={`${title} rollout · ${namespace}`}
        link={{ to: listPath('deployments', namespace), label: 'All deployments' }}
      />
      <LiveNotice notice={rollout.notice} />
      <RolloutStatusCard d={d} rows={replicaSets} />
      <RolloutActions
        states={actionStates(d, permissions, history.data?.revisions)}
        onAction={(action) => open({ action })}
      />
      {done && (
        <p role="status" className="text-emerald-700 text-sm dark:text-emerald-400" data-testid="action-done">
          {done}
        </p>
      )}
      <RolloutFacts d={d} />

      <PanelSection title="Conditions">
        <RolloutConditions d={d} />
      </PanelSection>
      <PanelSection title="ReplicaSets">
        <ReplicaSetsTable rows={replicaSets} />
      </PanelSection>
      <PanelSection title="Timeline">
        <Timeline
          past={rollout.past}
          samples={rollout.samples}
          ceiling={(d.spec?.replicas ?? 1) + budget.maxSurge}
          events={rollout.events}
        />
      </PanelSection>
      <PanelSection title="Events" testId="rollout-events">
        <RolloutEvents events={rollout.events} />
      </PanelSection>
      <PanelSection title="Pods">
        <RolloutPods pods={rollout.pods} rows={replicaSets} namespace={namespace} />
      </PanelSection>
      <PanelSection title="Revision history" testId="history-section">
        <RevisionHistory
          history={history}
          canUndo={permissions.undo}
          onUndo={(revision) => open({ action: 'undo', toRevision: revision })}
        />
      </PanelSection>

      {dialog && (
        <ActionDialog
          request={dialog}
          target={{ namespace, name }}
          live={d}
          history={history.data?.revisions}
          onClose={() => setDialog(undefined)}
          onDone={setDone}
        />
      )}
    </div>
  );
}
