import type { V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { podRow, statusTone } from './pod-rows';

describe('statusTone', () => {
  it.each([
    ['Running', 'ok'],
    ['Pending', 'progress'],
    ['ContainerCreating', 'progress'],
    ['Init:0/2', 'progress'],
    ['Terminating', 'progress'],
    ['Completed', 'done'],
    ['CrashLoopBackOff', 'error'],
    ['ImagePullBackOff', 'error'],
    ['Init:CrashLoopBackOff', 'error'],
    ['ExitCode:137', 'error'],
    ['OOMKilled', 'error'],
    ['Unknown', 'error'],
  ])('%s is %s', (status, tone) => {
    expect(statusTone(status)).toBe(tone);
  });
});

describe('podRow', () => {
  const pod: V1Pod = {
    metadata: {
      name: 'web-1',
      namespace: 'shop',
      uid: 'u1',
      resourceVersion: '7',
      creationTimestamp: '2025-01-01T00:00:00Z' as unknown as Date,
    },
    spec: { nodeName: 'kwok-node-0', containers: [{ name: 'app' }] },
    status: {
      phase: 'Running',
      podIP: '10.0.0.5',
      containerStatuses: [
        {
          name: 'app',
          image: 'x',
          imageID: '',
          ready: true,
          restartCount: 2,
          state: { running: {} },
          lastState: { terminated: { exitCode: 1, finishedAt: '2025-01-01T01:00:00Z' as unknown as Date } },
        },
      ],
    },
  };

  it('computes the kubectl -o wide columns', () => {
    const row = podRow(pod);
    expect(row).toMatchObject({
      uid: 'u1',
      name: 'web-1',
      namespace: 'shop',
      version: '7',
      ready: '1/1',
      status: 'Running',
      restarts: 2,
      lastRestart: Date.parse('2025-01-01T01:00:00Z'),
      created: Date.parse('2025-01-01T00:00:00Z'),
      ip: '10.0.0.5',
      node: 'kwok-node-0',
    });
  });

  it('prints <none> for a pod not yet scheduled and memoises per object', () => {
    const pending: V1Pod = { metadata: { name: 'p', uid: 'u2' }, status: { phase: 'Pending' } };
    expect(podRow(pending)).toMatchObject({ ip: '<none>', node: '<none>', status: 'Pending', ready: '0/0' });
    expect(podRow(pending)).toBe(podRow(pending));
  });
});
