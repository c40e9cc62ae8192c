import type { V1Pod, V1ReplicaSet } from '@kubernetes/client-node';
import type { KindObject, WritableKind } from '@wheelhouse/shared-types';
import { KINDS } from '@wheelhouse/shared-types/constants';
import { useMemo, useState } from 'react';
import { ConfirmDialog } from '../../../components/dialog/ConfirmDialog';
import { describeError } from '../../../lib/api';
import { useLiveList } from '../../../lib/live/live-query';
import { listItems } from '../../../lib/live/reducers';
import { deleteAsSeen } from '../api/delete-object';
import { type DeletePlan, deletePlan, PROPAGATION, type Propagation } from '../lib/delete-plan';

type Outcome = { ok: true } | { ok: false; message: string };

/**
 * The confirmation of a delete, of one object or of the rows selected in a list: names what goes,
 * what goes with it (a Deployment's ReplicaSets and Pods, a ReplicaSet's Pods) and what comes back
 * (a Pod's ReplicaSet replaces it), with kubectl's --cascade choice where it means something. Each
 * object is deleted with the resourceVersion shown here as its precondition; per-object outcomes
 * stay on screen when any failed. Deleted objects then go Terminating and leave the live lists.
 */
export function DeleteDialog({
  kind,
  objects,
  scope,
  onClose,
  onDeleted,
}: {
  kind: WritableKind;
  objects: readonly KindObject<WritableKind>[];
  /** The namespace the objects are in (undefined: several; the related lists are watched across all). */
  scope: string | undefined;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const needsPods = kind === 'deployments' || kind === 'replicasets';
  const rsList = useLiveList({ kind: 'replicasets', namespace: scope }, { enabled: kind === 'deployments' });
  const podList = useLiveList({ kind: 'pods', namespace: scope }, { enabled: needsPods });
  const [policy, setPolicy] = useState<Propagation>('Background');
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<ReadonlyMap<string, Outcome>>(new Map());
  const { kind: kindName } = KINDS[kind];
  const noun = KINDS[kind].view.label;

  const plans: DeletePlan[] = useMemo(() => {
    const replicaSets = rsList.data ? (listItems(rsList.data) as V1ReplicaSet[]) : [];
    const pods = podList.data ? (listItems(podList.data) as V1Pod[]) : [];
    return objects.map((o) => deletePlan(kind, o, { replicaSets, pods }));
  }, [objects, kind, rsList.data, podList.data]);
  const cascades = plans.some((p) => p.cascades);
  const single = objects.length === 1;
  const title = single ? `Delete ${plans[0]?.label}` : `Delete ${objects.length} ${noun}`;

  const run = async () => {
    setBusy(true);
    const results = new Map<string, Outcome>();
    for (const o of objects) {
      const key = `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
      const outcome = await deleteAsSeen(kind, o, cascades ? policy : undefined);
      results.set(
        key,
        outcome.ok
          ? { ok: true }
          : {
              ok: false,
              message: outcome.conflict
                ? `It changed since you opened this dialog (${outcome.conflict.join(', ')}), so it was not deleted. Look at it again first.`
                : `${describeError(outcome.error).title}: ${describeError(outcome.error).message}`,
            },
      );
    }
    setBusy(false);
    setOutcomes(results);
    if ([...results.values()].every((r) => r.ok)) onDeleted();
  };

  const failed = [...outcomes.values()].some((r) => !r.ok);
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={failed ? 'Done' : title}
      onConfirm={failed ? onClose : () => void run()}
      onClose={onClose}
      busy={busy}
      danger={!failed}
      testId="delete-dialog"
    >
      <ul className="max-h-72 space-y-2 overflow-auto text-sm" data-testid="delete-plan">
        {objects.map((o, i) => {
          const plan = plans[i] as DeletePlan;
          const key = `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
          const outcome = outcomes.get(key);
          return (
            <li key={key} data-testid={`delete-item-${o.metadata?.name}`}>
              <span className="font-medium font-mono">{plan.label}</span>
              <span className="text-slate-500 dark:text-slate-400">
                {' '}
                in namespace {o.metadata?.namespace}
              </span>
              {policy !== 'Orphan' &&
                plan.owned.map((g) => (
                  <p key={g.noun} className="text-slate-700 text-xs dark:text-slate-300">
                    With it go its {g.names.length} {g.noun}:{' '}
                    <span className="font-mono">{g.names.join(', ')}</span>
                  </p>
                ))}
              {plan.afterwards && (
                <p className="text-slate-700 text-xs dark:text-slate-300">{plan.afterwards}</p>
              )}
              {outcome && (
                <p
                  role={outcome.ok ? undefined : 'alert'}
                  className={`text-xs ${outcome.ok ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400'}`}
                >
                  {outcome.ok ? 'Deleted.' : outcome.message}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {cascades && (
        <fieldset className="space-y-1 text-sm" disabled={busy || outcomes.size > 0}>
          <legend className="mb-1 font-medium">What happens to what it owns</legend>
          {PROPAGATION.map((p) => (
            <label key={p.policy} className="flex items-start gap-2">
              <input
                type="radio"
                name="propagation"
                className="mt-1"
                checked={policy === p.policy}
                onChange={() => setPolicy(p.policy)}
              />
              <span>
                <span className="font-medium">{p.policy}</span>{' '}
                <span className="font-mono text-slate-500 text-xs dark:text-slate-400">{p.cascade}</span>
                <span className="block text-slate-600 text-xs dark:text-slate-300">{p.words}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <p className="text-slate-600 text-xs dark:text-slate-300">
        {single ? `The ${kindName}` : `Each ${kindName}`} is deleted only if nothing but its status changed
        since you looked (a resourceVersion precondition).
      </p>
    </ConfirmDialog>
  );
}
