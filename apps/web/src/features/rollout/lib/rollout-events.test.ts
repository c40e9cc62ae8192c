import type { CoreV1Event, V1Deployment, V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { type RolloutReplicaSet, rolloutEvents } from './rollout-view';

const d: V1Deployment = { metadata: { name: 'web', uid: 'd1', namespace: 'ns' } };
const rows = [{ name: 'web-abc', uid: 'rs1' } as RolloutReplicaSet];
const pods: V1Pod[] = [{ metadata: { name: 'web-abc-x', uid: 'p1' } }];

function ev(
  kind: string,
  name: string,
  reason: string,
  at: string,
  extra: Partial<CoreV1Event> = {},
): CoreV1Event {
  return {
    metadata: { name: `${name}.${reason}`, uid: `${name}-${reason}` },
    involvedObject: { kind, name },
    reason,
    message: `${reason} happened`,
    type: reason.startsWith('Failed') ? 'Warning' : 'Normal',
    lastTimestamp: at as unknown as Date,
    ...extra,
  };
}

describe('rolloutEvents', () => {
  it('keeps the events of the Deployment, its ReplicaSets and their Pods, newest first', () => {
    const out = rolloutEvents(
      [
        ev('Deployment', 'web', 'ScalingReplicaSet', '2026-11-25T10:00:00Z'),
        ev('ReplicaSet', 'web-abc', 'FailedCreate', '2026-11-25T10:02:00Z', { count: 3 }),
        ev('Pod', 'web-abc-x', 'Pulled', '2026-11-25T10:01:00Z'),
        ev('Pod', 'other-pod', 'Pulled', '2026-11-25T10:03:00Z'),
        ev('Deployment', 'other', 'ScalingReplicaSet', '2026-11-25T10:04:00Z'),
      ],
      d,
      rows,
      pods,
    );
    expect(out.map((e) => `${e.object} ${e.reason}`)).toEqual([
      'replicaset/web-abc FailedCreate',
      'pod/web-abc-x Pulled',
      'deployment/web ScalingReplicaSet',
    ]);
    expect(out[0]).toMatchObject({ type: 'Warning', count: 3, message: 'FailedCreate happened' });
  });

  it('ignores an event about an earlier object of the same name (another uid)', () => {
    const stale = ev('Deployment', 'web', 'ScalingReplicaSet', '2026-11-25T09:00:00Z', {
      involvedObject: { kind: 'Deployment', name: 'web', uid: 'old-uid' },
    });
    expect(rolloutEvents([stale], d, rows, pods)).toEqual([]);
  });
});
