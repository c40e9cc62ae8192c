import type { V1Deployment, V1DeploymentStrategy } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { rolloutBudget, strategyText } from './deployment-strategy';

const deployment = (replicas: number, strategy?: V1DeploymentStrategy): V1Deployment => ({
  metadata: { name: 'api' },
  spec: { replicas, selector: {}, template: {}, ...(strategy ? { strategy } : {}) },
});

describe('strategyText', () => {
  it('resolves percentages to pods as the controller does (surge up, unavailable down)', () => {
    expect(strategyText(deployment(2))).toBe(
      'RollingUpdate: maxSurge 25% (1 pod), maxUnavailable 25% (0 pods)',
    );
    expect(
      strategyText(
        deployment(10, { type: 'RollingUpdate', rollingUpdate: { maxSurge: '30%', maxUnavailable: '30%' } }),
      ),
    ).toBe('RollingUpdate: maxSurge 30% (3 pods), maxUnavailable 30% (3 pods)');
  });

  it('prints integers as written', () => {
    expect(
      strategyText(
        deployment(4, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }),
      ),
    ).toBe('RollingUpdate: maxSurge 1, maxUnavailable 0');
  });

  it('says when a 0/0 budget was raised to one unavailable pod so the rollout can progress', () => {
    expect(
      strategyText(
        deployment(3, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }),
      ),
    ).toBe('RollingUpdate: maxSurge 0, maxUnavailable 0 (1 pod)');
  });

  it('says Recreate stops every pod first', () => {
    expect(strategyText(deployment(3, { type: 'Recreate' }))).toBe(
      'Recreate: all 3 pods are stopped before new ones start',
    );
    expect(strategyText(deployment(1, { type: 'Recreate' }))).toBe(
      'Recreate: all 1 pod is stopped before new ones start',
    );
  });

  it('gives the reason when a value cannot be resolved, and no budget', () => {
    const bad = deployment(3, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 'lots' } });
    expect(strategyText(bad)).toBe('invalid value for maxSurge: "lots" is not an integer or a percentage');
    expect(rolloutBudget(bad)).toBeUndefined();
    expect(rolloutBudget(deployment(4))).toEqual({ maxSurge: 1, maxUnavailable: 1 });
  });
});
