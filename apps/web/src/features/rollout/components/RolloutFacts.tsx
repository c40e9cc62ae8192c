import type { V1Deployment } from '@kubernetes/client-node';
import { humanDuration, PROGRESS_DEADLINE_EXCEEDED, rolloutStatus } from '@wheelhouse/core';
import type { ReactNode } from 'react';
import { DeploymentStrategy } from '../../../components/DeploymentStrategy';
import { useNow } from '../../../lib/clock';
import { rolloutBudget } from '../../../lib/deployment-strategy';
import { deadlineOf } from '../lib/rollout-view';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-slate-500 text-xs dark:text-slate-400">{label}</dt>
      <dd className="font-mono text-sm" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** The progress deadline as the controller counts it, ticking. */
function Deadline({ d }: { d: V1Deployment }) {
  const now = useNow();
  const done = rolloutStatus(d).done;
  const deadline = deadlineOf(d, done, now);
  switch (deadline.state) {
    case 'exceeded':
      return (
        <span className="font-semibold text-rose-700 dark:text-rose-400" data-testid="deadline">
          exceeded ({PROGRESS_DEADLINE_EXCEEDED}) — the rollout has failed
        </span>
      );
    case 'counting':
      return (
        <>
          <span
            data-testid="deadline"
            className={deadline.secondsLeft < 30 ? 'text-amber-700 dark:text-amber-400' : ''}
          >
            {deadline.secondsLeft > 0
              ? `${deadline.secondsLeft}s left of ${d.spec?.progressDeadlineSeconds}s without progress`
              : `passed (${d.spec?.progressDeadlineSeconds}s without progress): the controller marks it failed on its next sync`}
          </span>
          <span
            className="block font-sans text-slate-500 text-xs dark:text-slate-400"
            data-testid="deadline-clock"
          >
            counted from the Progressing condition's lastUpdateTime (
            {humanDuration(Math.max(0, now - deadline.since))} ago), which the controller moves at each step
            of progress
          </span>
        </>
      );
    case 'paused':
      return <span data-testid="deadline">not counting while paused</span>;
    case 'complete':
      return (
        <span data-testid="deadline">
          met{done ? '' : ' (the new ReplicaSet was available once; the controller no longer times it)'}
        </span>
      );
    case 'none':
      return <span data-testid="deadline">—</span>;
  }
}

/** Replica counts, strategy and its pod budget, minReadySeconds, generations and the deadline. */
export function RolloutFacts({ d }: { d: V1Deployment }) {
  const budget = rolloutBudget(d) ?? { maxSurge: 0, maxUnavailable: 0 };
  const replicas = d.spec?.replicas ?? 1;
  const generation = d.metadata?.generation ?? 0;
  const observed = d.status?.observedGeneration ?? 0;
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
      <Fact label="Replicas (desired / updated / ready / available)" testId="replica-counts">
        {replicas} / {d.status?.updatedReplicas ?? 0} / {d.status?.readyReplicas ?? 0} /{' '}
        {d.status?.availableReplicas ?? 0}
      </Fact>
      <Fact label="Strategy">
        <DeploymentStrategy deployment={d} />
      </Fact>
      <Fact label="Pods allowed during the rollout">
        {replicas + budget.maxSurge} at most, {Math.max(0, replicas - budget.maxUnavailable)} available at
        least
      </Fact>
      <Fact label="minReadySeconds">{d.spec?.minReadySeconds ?? 0}s</Fact>
      <Fact label="Generation / observed" testId="generation">
        {generation} / {observed}
        {generation > observed && (
          <span className="ml-2 font-sans text-amber-700 text-xs">
            controller has not seen the latest spec
          </span>
        )}
      </Fact>
      <Fact label="Progress deadline">
        <Deadline d={d} />
      </Fact>
    </dl>
  );
}
