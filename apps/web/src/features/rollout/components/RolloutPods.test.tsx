// @vitest-environment jsdom
import type { V1Pod } from '@kubernetes/client-node';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { RolloutReplicaSet } from '../lib/rollout-view';
import { RolloutPods } from './RolloutPods';

afterEach(cleanup);

const ago = (m: number) => new Date(Date.now() - m * 60_000).toISOString() as unknown as Date;
const pod: V1Pod = {
  metadata: {
    name: 'api-1-x',
    uid: 'p1',
    creationTimestamp: ago(30),
    ownerReferences: [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'api-1', uid: 'rs1', controller: true },
    ],
  },
  spec: { containers: [{ name: 'api' }] },
  status: {
    phase: 'Running',
    conditions: [{ type: 'Ready', status: 'False' }],
    containerStatuses: [
      {
        name: 'api',
        image: 'api:1',
        imageID: '',
        ready: false,
        restartCount: 4,
        state: { running: { startedAt: ago(7) } },
        lastState: { terminated: { exitCode: 1, finishedAt: ago(7) } },
      },
    ],
  },
};

describe('RolloutPods', () => {
  it('prints READY with its tone and RESTARTS as kubectl get pods does ("4 (7m ago)")', () => {
    render(
      <MemoryRouter>
        <RolloutPods
          pods={[pod]}
          rows={[{ name: 'api-1', uid: 'rs1', revision: 1, isNew: true } as RolloutReplicaSet]}
          namespace="demo"
        />
      </MemoryRouter>,
    );
    const cells = within(screen.getByTestId('rollout-pod-api-1-x')).getAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toEqual([
      'api-1-x',
      '0/1',
      'Running',
      '4 (7m ago)',
      '1 (new)',
      '30m',
    ]);
    expect(cells[1]?.querySelector('[data-tone]')?.getAttribute('data-tone')).toBe('progress');
  });
});
