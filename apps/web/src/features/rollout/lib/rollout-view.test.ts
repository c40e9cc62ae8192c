import type { V1Deployment, V1ReplicaSet } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import {
  appendSample,
  deadlineOf,
  progressOf,
  replicaSetRows,
  resourceVersionFor,
  sampleOf,
} from './rollout-view';
import { diffTemplates, foldContext } from './template-diff';

const rev = (n: number) => ({ 'deployment.kubernetes.io/revision': String(n) });
const deployment = (
  over: Partial<V1Deployment['status']> = {},
  spec: Partial<V1Deployment['spec']> = {},
): V1Deployment => ({
  metadata: { name: 'api', uid: 'd-uid', annotations: rev(3), generation: 2 },
  spec: {
    replicas: 4,
    selector: { matchLabels: { app: 'api' } },
    template: {},
    progressDeadlineSeconds: 600,
    ...spec,
  },
  status: { observedGeneration: 2, ...over },
});
const rs = (
  name: string,
  revision: number,
  ready: number,
  available: number,
  owner = 'd-uid',
): V1ReplicaSet => ({
  metadata: {
    name,
    uid: name,
    annotations: rev(revision),
    ownerReferences: [
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api', uid: owner, controller: true },
    ],
  },
  spec: {
    replicas: ready,
    selector: {},
    template: { spec: { containers: [{ name: 'api', image: `api:${revision}` }] } },
  },
  status: { replicas: ready, readyReplicas: ready, availableReplicas: available },
});

describe('rollout view', () => {
  it('splits the owned ReplicaSets into the new one (the Deployment’s revision) and old ones', () => {
    const rows = replicaSetRows(deployment(), [
      rs('api-1', 1, 0, 0),
      rs('api-3', 3, 2, 1),
      rs('api-2', 2, 3, 3),
      rs('x', 9, 1, 1, 'other'),
    ]);
    expect(rows.map((r) => [r.name, r.isNew])).toEqual([
      ['api-3', true],
      ['api-2', false],
      ['api-1', false],
    ]);
    expect(progressOf(deployment(), rows)).toEqual({ available: 1, desired: 4, fraction: 0.25 });
    expect(sampleOf(deployment({ unavailableReplicas: 1, availableReplicas: 3 }), rows, 5)).toEqual({
      t: 5,
      newReady: 2,
      oldReady: 3,
      unavailable: 1,
    });
  });

  it('plots unavailable as the budget means it (desired − available), not the surge pod', () => {
    // maxSurge 1, maxUnavailable 0, 4 desired: 4 available and a 5th (surge) pod starting. The
    // controller's status.unavailableReplicas counts all pods − available = 1; the budget sees 0.
    const surging = deployment({ replicas: 5, availableReplicas: 4, unavailableReplicas: 1 });
    expect(sampleOf(surging, [], 1).unavailable).toBe(0);
    expect(
      sampleOf(deployment({ replicas: 4, availableReplicas: 1, unavailableReplicas: 3 }), [], 1).unavailable,
    ).toBe(3);
  });

  it('never shows more time left than the deadline itself (clock skew, whole seconds)', () => {
    const updated = Date.parse('2026-01-01T00:00:00Z');
    const d = deployment({
      conditions: [
        {
          type: 'Progressing',
          status: 'True',
          reason: 'ReplicaSetUpdated',
          lastUpdateTime: '2026-01-01T00:00:00Z' as unknown as Date,
        },
      ],
    });
    // Right after `kubectl set image`: the browser's clock is 700 ms behind the apiserver's.
    expect(deadlineOf(d, false, updated - 700)).toMatchObject({
      state: 'counting',
      secondsLeft: 600,
      since: updated,
    });
  });

  it('appends a sample only when a count changed', () => {
    const a = appendSample([], { t: 1, newReady: 0, oldReady: 4, unavailable: 0 });
    expect(appendSample(a, { t: 2, newReady: 0, oldReady: 4, unavailable: 0 })).toBe(a);
    expect(appendSample(a, { t: 3, newReady: 1, oldReady: 4, unavailable: 0 })).toHaveLength(2);
  });

  it('counts the progress deadline down from the Progressing condition’s lastUpdateTime', () => {
    const progressing = (reason: string) => ({
      conditions: [
        {
          type: 'Progressing',
          status: 'True',
          reason,
          lastUpdateTime: '2026-01-01T00:00:00Z' as unknown as Date,
        },
      ],
    });
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    expect(deadlineOf(deployment(progressing('ReplicaSetUpdated')), false, t0 + 100_500)).toMatchObject({
      state: 'counting',
      secondsLeft: 500,
    });
    expect(deadlineOf(deployment(progressing('ProgressDeadlineExceeded')), false, t0).state).toBe('exceeded');
    expect(deadlineOf(deployment(progressing('DeploymentPaused'), { paused: true }), false, t0).state).toBe(
      'paused',
    );
    expect(deadlineOf(deployment(progressing('NewReplicaSetAvailable')), true, t0).state).toBe('complete');
    // Pods that become unavailable after the rollout completed do not restart the clock.
    expect(deadlineOf(deployment(progressing('NewReplicaSetAvailable')), false, t0 + 900_000).state).toBe(
      'complete',
    );
  });

  it('diffs two pod templates line by line and folds long unchanged runs', () => {
    const a = {
      metadata: { labels: { app: 'api' } },
      spec: { containers: [{ name: 'api', image: 'api:1', args: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] }] },
    };
    const b = {
      ...a,
      spec: { containers: [{ name: 'api', image: 'api:2', args: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] }] },
    };
    const lines = diffTemplates(a, b);
    expect(lines.filter((l) => l.kind !== 'same').map((l) => `${l.kind} ${l.text.trim()}`)).toEqual([
      'removed image: api:1',
      'added image: api:2',
    ]);
    expect(foldContext(lines, 1).some((l) => l.kind === 'fold')).toBe(true);
  });
});

describe('resourceVersionFor', () => {
  const d = (rv: string, generation: number, annotations: Record<string, string> = {}): V1Deployment => ({
    metadata: { uid: 'u', resourceVersion: rv, generation, annotations },
  });
  it('follows status-only changes, but keeps what the user saw when the spec or metadata moved', () => {
    expect(resourceVersionFor(d('10', 2), d('15', 2))).toBe('15');
    expect(resourceVersionFor(d('10', 2), d('15', 3))).toBe('10');
    expect(resourceVersionFor(d('10', 2), d('15', 2, { touched: 'yes' }))).toBe('10');
    expect(resourceVersionFor(d('10', 2), undefined)).toBe('10');
  });
});
