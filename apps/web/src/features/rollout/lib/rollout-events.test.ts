import type { CoreV1Event, V1Deployment, V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { eventAge, rolloutEvents } from './rollout-events';
import type { RolloutReplicaSet } from './rollout-view';

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

  it('merges Events alike into one entry, adding their counts, first and last seen, as kubectl describe', () => {
    const out = rolloutEvents(
      [
        ev('Pod', 'web-abc-x', 'BackOff', '2026-11-25T10:05:00Z', {
          metadata: { name: 'a', uid: 'a' },
          count: 3,
          firstTimestamp: '2026-11-25T10:00:00Z' as unknown as Date,
          source: { component: 'kubelet' },
        }),
        ev('Pod', 'web-abc-x', 'BackOff', '2026-11-25T10:09:00Z', {
          metadata: { name: 'b', uid: 'b' },
          count: 2,
          firstTimestamp: '2026-11-25T10:07:00Z' as unknown as Date,
          source: { component: 'kubelet' },
        }),
        ev('Deployment', 'web', 'ScalingReplicaSet', '2026-11-25T10:08:00Z', {
          reportingComponent: 'deployment-controller',
        }),
      ],
      d,
      rows,
      pods,
    );
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({
      reason: 'BackOff',
      count: 5,
      from: 'kubelet',
      first: Date.parse('2026-11-25T10:00:00Z'),
      t: Date.parse('2026-11-25T10:09:00Z'),
    });
    expect(out[1]).toMatchObject({ reason: 'ScalingReplicaSet', from: 'deployment-controller', count: 1 });
  });

  it('reads an events.k8s.io series (count, last observed) over the core/v1 fields', () => {
    const [e] = rolloutEvents(
      [
        ev('Pod', 'web-abc-x', 'Unhealthy', '2026-11-25T10:01:00Z', {
          eventTime: '2026-11-25T10:00:00Z' as unknown as Date,
          lastTimestamp: undefined,
          series: { count: 7, lastObservedTime: '2026-11-25T10:06:00Z' as unknown as Date },
        }),
      ],
      d,
      rows,
      pods,
    );
    expect(e).toMatchObject({ count: 7, first: Date.parse('2026-11-25T10:00:00Z') });
    expect(e?.t).toBe(Date.parse('2026-11-25T10:06:00Z'));
  });
});

describe('eventAge', () => {
  const now = Date.parse('2026-11-25T10:10:00Z');
  it('prints the age of a single Event', () => {
    expect(eventAge({ t: now - 45_000, first: now - 45_000, count: 1 }, now)).toBe('45s');
  });
  it('prints "last (xN over first)" for a repeated one, as kubectl describe', () => {
    expect(eventAge({ t: now - 120_000, first: now - 300_000, count: 3 }, now)).toBe('2m (x3 over 5m)');
  });
});
