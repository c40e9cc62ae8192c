import { describe, expect, it } from 'vitest';
import type { RolloutEvent } from './rollout-events';
import { reconstructPast } from './rollout-past';
import type { RolloutReplicaSet } from './rollout-view';

const T = Date.parse('2026-11-29T16:40:00Z');
const s = (seconds: number) => T + seconds * 1000;
const rs = (name: string, revision: number, isNew: boolean, created: number) =>
  ({ name, uid: name, revision, isNew, created }) as RolloutReplicaSet;
const scaled = (at: number, message: string, extra: Partial<RolloutEvent> = {}): RolloutEvent => ({
  uid: `${at}-${message}`,
  t: at,
  first: at,
  type: 'Normal',
  reason: 'ScalingReplicaSet',
  object: 'deployment/api',
  from: 'deployment-controller',
  message,
  count: 1,
  ...extra,
});

// `kubectl set image` on api (4 replicas, maxSurge 1, maxUnavailable 0), as the demo's Events say it.
const rows = [rs('api-new', 2, true, s(0)), rs('api-old', 1, false, s(-7200))];
const events = [
  scaled(s(0), 'Scaled up replica set api-new from 0 to 1'),
  scaled(s(34), 'Scaled down replica set api-old from 4 to 3'),
  scaled(s(34), 'Scaled up replica set api-new from 1 to 2'),
  scaled(s(68), 'Scaled down replica set api-old from 3 to 2'),
  scaled(s(68), 'Scaled up replica set api-new from 2 to 3'),
  // Another Deployment's and a pod's events are not this rollout's scaling.
  scaled(s(70), 'Scaled up replica set web-1 from 0 to 9', { object: 'deployment/web' }),
  { ...scaled(s(71), 'Created pod: api-new-x'), reason: 'SuccessfulCreate', object: 'replicaset/api-new' },
];

/** What the page reconstructs for api, watching from an hour before T until `until`. */
const pastOf = (input: Omit<Parameters<typeof reconstructPast>[0], 'deployment' | 'since'>) =>
  reconstructPast({ deployment: 'api', since: s(-3600), ...input });

describe('reconstructPast', () => {
  it('replays the ScalingReplicaSet Events before the page opened into ReplicaSet sizes', () => {
    const past = pastOf({ desired: 4, rows, events, until: s(80) });
    // Steps of one second are one sample: the surge pod and the old one scaled down with it.
    expect(past.samples.map((x) => [(x.t - T) / 1000, x.newReady, x.oldReady, x.unavailable])).toEqual([
      [0, 1, 4, 0],
      [34, 2, 3, 0],
      [68, 3, 2, 0],
    ]);
    expect(past.revisions).toEqual([{ t: s(0), revision: 2, name: 'api-new' }]);
  });

  it('keeps only what happened before the page started watching', () => {
    const past = pastOf({ desired: 4, rows, events, until: s(40) });
    expect(past.samples.map((x) => [(x.t - T) / 1000, x.newReady, x.oldReady])).toEqual([
      [0, 1, 4],
      [34, 2, 3],
    ]);
  });

  it('replays an Event seen several times at its first and last timestamps', () => {
    const past = pastOf({
      desired: 2,
      rows: [rs('api-new', 2, true, s(-7200))],
      events: [
        scaled(s(50), 'Scaled up replica set api-new from 1 to 2', { first: s(10), count: 2 }),
        scaled(s(30), 'Scaled down replica set api-new from 2 to 1'),
      ],
      until: s(60),
    });
    expect(past.samples.map((x) => [(x.t - T) / 1000, x.newReady, x.unavailable])).toEqual([
      [10, 2, 0],
      [30, 1, 1],
      [50, 2, 0],
    ]);
  });

  it('reads the older wording without "from" (before Kubernetes 1.20)', () => {
    const past = pastOf({
      desired: 2,
      rows: [rs('api-new', 2, true, s(0))],
      events: [scaled(s(5), 'Scaled up replica set api-new to 2')],
      until: s(60),
    });
    expect(past.samples.map((x) => [(x.t - T) / 1000, x.newReady, x.unavailable])).toEqual([
      [0, 0, 2],
      [5, 2, 0],
    ]);
  });

  it('is empty when the Events have expired', () => {
    expect(pastOf({ desired: 4, rows, events: [], until: s(80) }).samples).toEqual([]);
  });
});
