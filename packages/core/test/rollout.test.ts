import type { V1Deployment, V1DeploymentCondition } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { resolveRollingUpdate, rolloutStatus } from '../src/rollout';
import rollingDeploymentJson from './fixtures/synthetic-deployment-rolling-update.json';

// JSON fixtures carry timestamps as strings where client-node types say Date; the code accepts both.
const rollingDeployment = rollingDeploymentJson as unknown as V1Deployment;

interface DeploymentInit {
  name?: string;
  generation?: number;
  observedGeneration?: number;
  replicas?: number;
  statusReplicas?: number;
  updated?: number;
  available?: number;
  conditions?: V1DeploymentCondition[];
}

function deployment(p: DeploymentInit = {}): V1Deployment {
  const d: V1Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: p.name ?? 'web', generation: p.generation ?? 2 },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'nginx' }] },
      },
    },
    status: {
      observedGeneration: p.observedGeneration ?? 2,
      replicas: p.statusReplicas ?? 3,
      updatedReplicas: p.updated ?? 3,
      availableReplicas: p.available ?? 3,
    },
  };
  if (d.spec && p.replicas !== undefined) d.spec.replicas = p.replicas;
  if (d.spec && p.replicas === undefined) d.spec.replicas = 3;
  if (d.status && p.conditions) d.status.conditions = p.conditions;
  return d;
}

const progressing = (reason: string, status = 'True'): V1DeploymentCondition => ({
  type: 'Progressing',
  status,
  reason,
});

describe('rolloutStatus', () => {
  it('waits for the spec update to be observed when generation is ahead of observedGeneration', () => {
    expect(rolloutStatus(deployment({ generation: 3, observedGeneration: 2 }))).toEqual({
      done: false,
      failed: false,
      message: 'Waiting for deployment spec update to be observed...',
    });
  });

  it('checks the generation before the progress deadline', () => {
    const d = deployment({
      generation: 3,
      observedGeneration: 2,
      conditions: [progressing('ProgressDeadlineExceeded', 'False')],
    });
    expect(rolloutStatus(d).message).toBe('Waiting for deployment spec update to be observed...');
  });

  it('fails with "exceeded its progress deadline" when Progressing has reason ProgressDeadlineExceeded', () => {
    const d = deployment({
      name: 'api',
      updated: 1,
      conditions: [progressing('ProgressDeadlineExceeded', 'False')],
    });
    expect(rolloutStatus(d)).toEqual({
      done: false,
      failed: true,
      message: 'deployment "api" exceeded its progress deadline',
    });
  });

  it('reports "X out of Y new replicas have been updated" while updatedReplicas < spec.replicas', () => {
    const d = deployment({
      replicas: 4,
      statusReplicas: 5,
      updated: 1,
      available: 3,
      conditions: [progressing('ReplicaSetUpdated')],
    });
    expect(rolloutStatus(d)).toEqual({
      done: false,
      failed: false,
      message: 'Waiting for deployment "web" rollout to finish: 1 out of 4 new replicas have been updated...',
    });
  });

  it('reports old replicas pending termination while status.replicas > updatedReplicas', () => {
    const d = deployment({ replicas: 3, statusReplicas: 4, updated: 3, available: 3 });
    expect(rolloutStatus(d).message).toBe(
      'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
    );
  });

  it('reports "X of Y updated replicas are available" while availableReplicas < updatedReplicas', () => {
    const d = deployment({ replicas: 3, statusReplicas: 3, updated: 3, available: 1 });
    expect(rolloutStatus(d).message).toBe(
      'Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...',
    );
  });

  it('reports "successfully rolled out" and done once everything is updated and available', () => {
    const d = deployment({ conditions: [progressing('NewReplicaSetAvailable')] });
    expect(rolloutStatus(d)).toEqual({
      done: true,
      failed: false,
      message: 'deployment "web" successfully rolled out',
    });
  });

  it('reports done for a deployment scaled to zero', () => {
    const d = deployment({ replicas: 0, statusReplicas: 0, updated: 0, available: 0 });
    expect(rolloutStatus(d).done).toBe(true);
  });

  it('skips the updated-replicas check when spec.replicas is unset, as kubectl does', () => {
    const d = deployment({ statusReplicas: 2, updated: 1, available: 1 });
    if (d.spec) delete d.spec.replicas;
    expect(rolloutStatus(d).message).toBe(
      'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
    );
  });

  it('treats a deployment without status as waiting for 0 of N updates', () => {
    const d: V1Deployment = {
      metadata: { name: 'new', generation: 1 },
      spec: { replicas: 2, selector: {}, template: {} },
    };
    expect(rolloutStatus(d).message).toBe('Waiting for deployment spec update to be observed...');
    d.status = { observedGeneration: 1 };
    expect(rolloutStatus(d).message).toBe(
      'Waiting for deployment "new" rollout to finish: 0 out of 2 new replicas have been updated...',
    );
  });

  it('reports the kubectl message for a realistic mid-rollout Deployment', () => {
    expect(rolloutStatus(rollingDeployment)).toEqual({
      done: false,
      failed: false,
      message: 'Waiting for deployment "web" rollout to finish: 2 out of 4 new replicas have been updated...',
    });
  });
});

function withStrategy(
  replicas: number | undefined,
  strategy: NonNullable<V1Deployment['spec']>['strategy'],
): V1Deployment {
  const d = deployment();
  if (d.spec) {
    if (replicas === undefined) delete d.spec.replicas;
    else d.spec.replicas = replicas;
    if (strategy) d.spec.strategy = strategy;
  }
  return d;
}

describe('resolveRollingUpdate', () => {
  it.each<[number, number | string, number | string, number, number]>([
    [10, '25%', '25%', 3, 2],
    [4, '25%', '25%', 1, 1],
    [3, '25%', '25%', 1, 0],
    [1, '25%', '25%', 1, 0],
    [10, 2, 1, 2, 1],
    [10, '0%', '10%', 0, 1],
    [10, '100%', '0%', 10, 0],
    [3, '50%', '50%', 2, 1],
    [7, '33%', '33%', 3, 2],
    [1, '0%', '25%', 0, 1],
    [2, 0, '1%', 0, 1],
    [0, '25%', '25%', 0, 1],
    [3, 0, 5, 0, 5],
  ])(
    'resolves replicas %i, maxSurge %j, maxUnavailable %j to surge %i / unavailable %i',
    (replicas, surge, unavailable, expectedSurge, expectedUnavailable) => {
      const d = withStrategy(replicas, {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable },
      });
      expect(resolveRollingUpdate(d)).toEqual({
        maxSurge: expectedSurge,
        maxUnavailable: expectedUnavailable,
      });
    },
  );

  it('applies the 25%/25% defaults when rollingUpdate is missing', () => {
    expect(resolveRollingUpdate(withStrategy(8, undefined))).toEqual({ maxSurge: 2, maxUnavailable: 2 });
    expect(resolveRollingUpdate(withStrategy(8, { type: 'RollingUpdate' }))).toEqual({
      maxSurge: 2,
      maxUnavailable: 2,
    });
    expect(resolveRollingUpdate(withStrategy(8, { rollingUpdate: { maxSurge: 1 } }))).toEqual({
      maxSurge: 1,
      maxUnavailable: 2,
    });
  });

  it('uses 1 replica when spec.replicas is unset (the API default)', () => {
    expect(
      resolveRollingUpdate(
        withStrategy(undefined, { rollingUpdate: { maxSurge: '50%', maxUnavailable: '50%' } }),
      ),
    ).toEqual({
      maxSurge: 1,
      maxUnavailable: 0,
    });
  });

  it('returns no surge and every replica unavailable for the Recreate strategy', () => {
    expect(resolveRollingUpdate(withStrategy(5, { type: 'Recreate' }))).toEqual({
      maxSurge: 0,
      maxUnavailable: 5,
    });
  });

  it('throws for a string that is not a percentage', () => {
    expect(() => resolveRollingUpdate(withStrategy(4, { rollingUpdate: { maxSurge: '2' } }))).toThrow(
      /maxSurge/,
    );
    expect(() =>
      resolveRollingUpdate(withStrategy(4, { rollingUpdate: { maxUnavailable: 'half' } })),
    ).toThrow(/maxUnavailable/);
  });

  it('resolves the realistic fixture (4 replicas, 25%/25%) to 1 and 1', () => {
    expect(resolveRollingUpdate(rollingDeployment)).toEqual({
      maxSurge: 1,
      maxUnavailable: 1,
    });
  });
});
