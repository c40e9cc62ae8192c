import type { V1Container, V1ContainerStatus, V1Pod, V1PodCondition } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { formatRestarts, podStatus } from '../src/pod-status';
import crashLoop from './fixtures/synthetic-pod-crashloopbackoff.json';
import evicted from './fixtures/synthetic-pod-evicted.json';
import imagePullBackOff from './fixtures/synthetic-pod-imagepullbackoff.json';
import initCrashLoop from './fixtures/synthetic-pod-init-crashloopbackoff.json';
import initRunning from './fixtures/synthetic-pod-init-running.json';
import jobCompleted from './fixtures/synthetic-pod-job-completed.json';
import oneOfTwoReady from './fixtures/synthetic-pod-one-of-two-ready.json';
import runningAfterOomKills from './fixtures/synthetic-pod-running-after-oomkills.json';
import runningNginx from './fixtures/synthetic-pod-running-nginx.json';
import schedulingGated from './fixtures/synthetic-pod-scheduling-gated.json';
import sidecarRunning from './fixtures/synthetic-pod-sidecar-running.json';
import terminating from './fixtures/synthetic-pod-terminating.json';
import unschedulable from './fixtures/synthetic-pod-unschedulable.json';

// --- builders for hand-made pods (timestamps as Date, as @kubernetes/client-node types them) ---

function c(name: string, extra: Partial<V1Container> = {}): V1Container {
  return { name, image: `example/${name}:1`, ...extra };
}

type StatusInit = Omit<Partial<V1ContainerStatus>, 'name'>;

function running(name: string, extra: StatusInit = {}): V1ContainerStatus {
  return {
    name,
    image: `example/${name}:1`,
    imageID: '',
    ready: true,
    restartCount: 0,
    started: true,
    state: { running: { startedAt: new Date('2025-01-01T00:00:00Z') } },
    ...extra,
  };
}

function waiting(name: string, reason: string | undefined, extra: StatusInit = {}): V1ContainerStatus {
  return running(name, { ready: false, started: false, state: { waiting: { reason } }, ...extra });
}

function terminated(
  name: string,
  t: { exitCode: number; reason?: string; signal?: number },
  extra: StatusInit = {},
): V1ContainerStatus {
  return running(name, { ready: false, started: false, state: { terminated: t }, ...extra });
}

function lastTerminatedAt(iso: string): StatusInit['lastState'] {
  return { terminated: { exitCode: 1, reason: 'Error', finishedAt: new Date(iso) } };
}

function cond(type: string, status: string, reason?: string): V1PodCondition {
  return reason === undefined ? { type, status } : { type, status, reason };
}

interface PodInit {
  containers?: V1Container[];
  initContainers?: V1Container[];
  phase?: string;
  reason?: string;
  conditions?: V1PodCondition[];
  containerStatuses?: V1ContainerStatus[];
  initContainerStatuses?: V1ContainerStatus[];
  deletionTimestamp?: Date;
}

function pod(p: PodInit): V1Pod {
  const result: V1Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', creationTimestamp: new Date('2025-01-01T00:00:00Z') },
    spec: { containers: p.containers ?? [c('app')] },
    status: { phase: p.phase ?? 'Running' },
  };
  if (p.deletionTimestamp && result.metadata) result.metadata.deletionTimestamp = p.deletionTimestamp;
  if (p.initContainers && result.spec) result.spec.initContainers = p.initContainers;
  const status = result.status ?? {};
  if (p.reason !== undefined) status.reason = p.reason;
  if (p.conditions) status.conditions = p.conditions;
  if (p.containerStatuses) status.containerStatuses = p.containerStatuses;
  if (p.initContainerStatuses) status.initContainerStatuses = p.initContainerStatuses;
  return result;
}

const sidecar = (name: string) => c(name, { restartPolicy: 'Always' });

describe('podStatus: phase and pod-level reason', () => {
  it('prints Running and 1/1 when the only container runs and is ready', () => {
    expect(podStatus(pod({ containerStatuses: [running('app')] }))).toEqual({
      ready: '1/1',
      status: 'Running',
      restarts: 0,
    });
  });

  it('prints the phase Pending and 0/2 before any container status exists', () => {
    const p = pod({ phase: 'Pending', containers: [c('a'), c('b')] });
    expect(podStatus(p)).toMatchObject({ ready: '0/2', status: 'Pending', restarts: 0 });
  });

  it('prints pod.status.reason instead of the phase when set (Evicted)', () => {
    const p = pod({ phase: 'Failed', reason: 'Evicted' });
    expect(podStatus(p).status).toBe('Evicted');
  });

  it('prints pod.status.reason OutOfcpu for a pod the kubelet rejected at admission', () => {
    expect(podStatus(pod({ phase: 'Failed', reason: 'OutOfcpu' })).status).toBe('OutOfcpu');
  });

  it('prints SchedulingGated when PodScheduled carries reason SchedulingGated', () => {
    const p = pod({ phase: 'Pending', conditions: [cond('PodScheduled', 'False', 'SchedulingGated')] });
    expect(podStatus(p).status).toBe('SchedulingGated');
  });

  it('prints Pending (not the condition reason) for an unschedulable pod', () => {
    const p = pod({ phase: 'Pending', conditions: [cond('PodScheduled', 'False', 'Unschedulable')] });
    expect(podStatus(p).status).toBe('Pending');
  });

  it('prints an empty status and 0/0 for an empty pod object', () => {
    expect(podStatus({})).toEqual({ ready: '0/0', status: '', restarts: 0 });
  });
});

describe('podStatus: regular containers', () => {
  it('prints the waiting reason CrashLoopBackOff with restarts and the last restart time', () => {
    const p = pod({
      containerStatuses: [
        waiting('app', 'CrashLoopBackOff', {
          restartCount: 5,
          lastState: lastTerminatedAt('2025-01-01T10:00:00Z'),
        }),
      ],
    });
    expect(podStatus(p)).toEqual({
      ready: '0/1',
      status: 'CrashLoopBackOff',
      restarts: 5,
      lastRestart: new Date('2025-01-01T10:00:00Z'),
    });
  });

  it('prints the terminated reason OOMKilled', () => {
    const p = pod({ containerStatuses: [terminated('app', { exitCode: 137, reason: 'OOMKilled' })] });
    expect(podStatus(p).status).toBe('OOMKilled');
  });

  it('prints ExitCode:N when a container terminated without a reason', () => {
    const p = pod({ containerStatuses: [terminated('app', { exitCode: 3 })] });
    expect(podStatus(p).status).toBe('ExitCode:3');
  });

  it('prints Signal:N when a container terminated by a signal without a reason', () => {
    const p = pod({ containerStatuses: [terminated('app', { exitCode: 137, signal: 9 })] });
    expect(podStatus(p).status).toBe('Signal:9');
  });

  it('prints the reason of the first listed container when several have one', () => {
    const p = pod({
      containers: [c('a'), c('b')],
      containerStatuses: [waiting('a', 'ErrImagePull'), waiting('b', 'CrashLoopBackOff')],
    });
    expect(podStatus(p).status).toBe('ErrImagePull');
  });

  it('prints 1/2 and keeps Running when one of two running containers is not ready', () => {
    const p = pod({
      containers: [c('a'), c('b')],
      containerStatuses: [running('a'), running('b', { ready: false })],
    });
    expect(podStatus(p)).toMatchObject({ ready: '1/2', status: 'Running' });
  });

  it('counts a running ready container whose waiting state has an empty reason', () => {
    const p = pod({
      containerStatuses: [
        running('app', { state: { waiting: { reason: '' }, running: { startedAt: new Date(0) } } }),
      ],
    });
    expect(podStatus(p).ready).toBe('1/1');
  });

  it('does not count a container marked ready while it waits with a reason', () => {
    const p = pod({ containerStatuses: [waiting('app', 'ContainerCreating', { ready: true })] });
    expect(podStatus(p)).toMatchObject({ ready: '0/1', status: 'ContainerCreating' });
  });

  it('prints Completed for a succeeded pod whose containers all completed', () => {
    const p = pod({
      phase: 'Succeeded',
      containerStatuses: [terminated('app', { exitCode: 0, reason: 'Completed' })],
    });
    expect(podStatus(p)).toMatchObject({ ready: '0/1', status: 'Completed' });
  });

  it('prints Running for a Completed container beside a running one when the pod is Ready', () => {
    const p = pod({
      containers: [c('job'), c('helper')],
      conditions: [cond('Ready', 'True')],
      containerStatuses: [terminated('job', { exitCode: 0, reason: 'Completed' }), running('helper')],
    });
    expect(podStatus(p)).toMatchObject({ ready: '1/2', status: 'Running' });
  });

  it('prints NotReady for a Completed container beside a running one when the pod is not Ready', () => {
    const p = pod({
      containers: [c('job'), c('helper')],
      conditions: [cond('Ready', 'False')],
      containerStatuses: [running('helper'), terminated('job', { exitCode: 0, reason: 'Completed' })],
    });
    expect(podStatus(p)).toMatchObject({ ready: '1/2', status: 'NotReady' });
  });

  it('sums restarts over containers and keeps the latest finishedAt as lastRestart', () => {
    const p = pod({
      containers: [c('a'), c('b')],
      containerStatuses: [
        running('a', { restartCount: 2, lastState: lastTerminatedAt('2025-01-01T08:00:00Z') }),
        running('b', { restartCount: 1, lastState: lastTerminatedAt('2025-01-01T09:00:00Z') }),
      ],
    });
    expect(podStatus(p)).toMatchObject({ restarts: 3, lastRestart: new Date('2025-01-01T09:00:00Z') });
  });

  it('omits lastRestart when no container has a terminated last state', () => {
    const p = pod({ containerStatuses: [running('app', { restartCount: 2 })] });
    const result = podStatus(p);
    expect(result.restarts).toBe(2);
    expect(result).not.toHaveProperty('lastRestart');
  });

  it('accepts timestamps as RFC 3339 strings, as in JSON from the API server', () => {
    const p = pod({ containerStatuses: [running('app', { restartCount: 1 })] });
    const status = p.status?.containerStatuses?.[0];
    if (status) {
      status.lastState = {
        terminated: { exitCode: 1, finishedAt: '2025-01-01T07:00:00Z' as unknown as Date },
      };
    }
    expect(podStatus(p).lastRestart).toEqual(new Date('2025-01-01T07:00:00Z'));
  });
});

describe('podStatus: init containers', () => {
  const twoInits = [c('init-a'), c('init-b')];

  it('prints Init:0/2 while the first init container runs', () => {
    const p = pod({
      phase: 'Pending',
      initContainers: twoInits,
      initContainerStatuses: [running('init-a', { ready: false }), waiting('init-b', 'PodInitializing')],
      containerStatuses: [waiting('app', 'PodInitializing')],
    });
    expect(podStatus(p)).toMatchObject({ ready: '0/1', status: 'Init:0/2' });
  });

  it('prints Init:1/2 when the first completed and the second waits with PodInitializing', () => {
    const p = pod({
      phase: 'Pending',
      initContainers: twoInits,
      initContainerStatuses: [
        terminated('init-a', { exitCode: 0, reason: 'Completed' }),
        waiting('init-b', 'PodInitializing'),
      ],
    });
    expect(podStatus(p).status).toBe('Init:1/2');
  });

  it('prints Init:CrashLoopBackOff and counts the init container restarts while initialising', () => {
    const p = pod({
      phase: 'Pending',
      initContainers: twoInits,
      initContainerStatuses: [
        waiting('init-a', 'CrashLoopBackOff', {
          restartCount: 4,
          lastState: lastTerminatedAt('2025-01-01T05:00:00Z'),
        }),
        waiting('init-b', 'PodInitializing'),
      ],
      containerStatuses: [waiting('app', 'PodInitializing', { restartCount: 0 })],
    });
    expect(podStatus(p)).toEqual({
      ready: '0/1',
      status: 'Init:CrashLoopBackOff',
      restarts: 4,
      lastRestart: new Date('2025-01-01T05:00:00Z'),
    });
  });

  it('prints Init:Error when an init container terminated with reason Error', () => {
    const p = pod({
      phase: 'Pending',
      initContainers: twoInits,
      initContainerStatuses: [terminated('init-a', { exitCode: 1, reason: 'Error' })],
    });
    expect(podStatus(p).status).toBe('Init:Error');
  });

  it('prints Init:ExitCode:N when an init container terminated non-zero without a reason', () => {
    const p = pod({
      phase: 'Pending',
      initContainers: twoInits,
      initContainerStatuses: [terminated('init-a', { exitCode: 2 })],
    });
    expect(podStatus(p).status).toBe('Init:ExitCode:2');
  });

  it('prints Init:Signal:N when an init container was killed by a signal without a reason', () => {
    const p = pod({
      phase: 'Pending',
      initContainers: twoInits,
      initContainerStatuses: [terminated('init-a', { exitCode: 143, signal: 15 })],
    });
    expect(podStatus(p).status).toBe('Init:Signal:15');
  });

  it('counts restarts only up to the init container that is still running', () => {
    const p = pod({
      phase: 'Pending',
      initContainers: twoInits,
      initContainerStatuses: [
        running('init-a', { restartCount: 1 }),
        waiting('init-b', 'PodInitializing', { restartCount: 9 }),
      ],
    });
    expect(podStatus(p)).toMatchObject({ status: 'Init:0/2', restarts: 1 });
  });

  it('drops regular init container restarts once initialisation finished', () => {
    const p = pod({
      initContainers: twoInits,
      conditions: [cond('Initialized', 'True')],
      initContainerStatuses: [
        terminated(
          'init-a',
          { exitCode: 0, reason: 'Completed' },
          { restartCount: 3, lastState: lastTerminatedAt('2025-01-01T01:00:00Z') },
        ),
        terminated('init-b', { exitCode: 0, reason: 'Completed' }),
      ],
      containerStatuses: [running('app', { restartCount: 1 })],
    });
    expect(podStatus(p)).toEqual({ ready: '1/1', status: 'Running', restarts: 1 });
  });

  it('keeps Init:0/1 but counts ready app containers when Initialized is True while an init container looks unfinished', () => {
    const p = pod({
      initContainers: [c('init-a')],
      conditions: [cond('Initialized', 'True')],
      initContainerStatuses: [waiting('init-a', 'PodInitializing', { restartCount: 2 })],
      containerStatuses: [running('app')],
    });
    // printPod only overwrites the init status when an app container has a waiting/terminated reason.
    expect(podStatus(p)).toEqual({ ready: '1/1', status: 'Init:0/1', restarts: 0 });
  });

  it('prints the app container reason when Initialized is True while an init container looks unfinished', () => {
    const p = pod({
      initContainers: [c('init-a')],
      conditions: [cond('Initialized', 'True')],
      initContainerStatuses: [waiting('init-a', 'PodInitializing', { restartCount: 2 })],
      containerStatuses: [waiting('app', 'CrashLoopBackOff', { restartCount: 1 })],
    });
    expect(podStatus(p)).toEqual({ ready: '0/1', status: 'CrashLoopBackOff', restarts: 1 });
  });

  it('treats an init container missing from the spec as a regular one', () => {
    const p = pod({
      phase: 'Pending',
      initContainers: [c('init-a')],
      initContainerStatuses: [running('ghost', { started: true })],
    });
    expect(podStatus(p)).toMatchObject({ ready: '0/1', status: 'Init:0/1' });
  });
});

describe('podStatus: restartable init containers (sidecars)', () => {
  it('prints 2/2 Running and sums sidecar and app restarts with the latest restart time', () => {
    const p = pod({
      initContainers: [sidecar('proxy')],
      conditions: [cond('Initialized', 'True'), cond('Ready', 'True')],
      initContainerStatuses: [
        running('proxy', { restartCount: 1, lastState: lastTerminatedAt('2025-01-01T03:00:00Z') }),
      ],
      containerStatuses: [
        running('app', { restartCount: 2, lastState: lastTerminatedAt('2025-01-01T02:00:00Z') }),
      ],
    });
    expect(podStatus(p)).toEqual({
      ready: '2/2',
      status: 'Running',
      restarts: 3,
      lastRestart: new Date('2025-01-01T03:00:00Z'),
    });
  });

  it('prints 1/2 when the started sidecar is not ready', () => {
    const p = pod({
      initContainers: [sidecar('proxy')],
      initContainerStatuses: [running('proxy', { ready: false })],
      containerStatuses: [running('app')],
    });
    expect(podStatus(p)).toMatchObject({ ready: '1/2', status: 'Running' });
  });

  it('prints Init:0/2 while the sidecar runs but has not reported started', () => {
    const p = pod({
      phase: 'Pending',
      initContainers: [sidecar('proxy'), c('migrate')],
      initContainerStatuses: [
        running('proxy', { started: false, ready: false }),
        waiting('migrate', 'PodInitializing'),
      ],
      containerStatuses: [waiting('app', 'PodInitializing')],
    });
    expect(podStatus(p)).toMatchObject({ ready: '0/2', status: 'Init:0/2' });
  });

  it('prints Init:1/2 and counts the ready sidecar while a later init container runs', () => {
    const p = pod({
      phase: 'Pending',
      initContainers: [sidecar('proxy'), c('migrate')],
      initContainerStatuses: [
        running('proxy', { restartCount: 1 }),
        running('migrate', { ready: false, restartCount: 2 }),
      ],
      containerStatuses: [waiting('app', 'PodInitializing')],
    });
    expect(podStatus(p)).toMatchObject({ ready: '1/2', status: 'Init:1/2', restarts: 3 });
  });

  it('prints Init:CrashLoopBackOff when the sidecar crash-loops before it ever started', () => {
    const p = pod({
      phase: 'Pending',
      initContainers: [sidecar('proxy')],
      initContainerStatuses: [waiting('proxy', 'CrashLoopBackOff', { restartCount: 6 })],
    });
    expect(podStatus(p)).toMatchObject({ ready: '0/2', status: 'Init:CrashLoopBackOff', restarts: 6 });
  });

  it('skips a sidecar that exited 0 without counting it as ready', () => {
    const p = pod({
      initContainers: [sidecar('proxy')],
      initContainerStatuses: [terminated('proxy', { exitCode: 0, reason: 'Completed' }, { ready: true })],
      containerStatuses: [running('app')],
    });
    expect(podStatus(p)).toMatchObject({ ready: '1/2', status: 'Running' });
  });
  it('prints Completed for a finished Job pod whose sidecar was stopped with a non-zero exit', () => {
    const p = pod({
      phase: 'Succeeded',
      initContainers: [sidecar('proxy')],
      conditions: [cond('Initialized', 'True'), cond('Ready', 'False', 'PodCompleted')],
      initContainerStatuses: [terminated('proxy', { exitCode: 143, reason: 'Error' })],
      containerStatuses: [terminated('app', { exitCode: 0, reason: 'Completed' })],
    });
    expect(podStatus(p)).toMatchObject({ ready: '0/2', status: 'Completed' });
  });
});

describe('podStatus: deletion', () => {
  const deletionTimestamp = new Date('2025-01-01T12:00:00Z');

  it('prints Terminating for a running pod with a deletionTimestamp', () => {
    const p = pod({ deletionTimestamp, containerStatuses: [running('app')] });
    expect(podStatus(p)).toMatchObject({ ready: '1/1', status: 'Terminating' });
  });

  it('prints Terminating over a container reason such as CrashLoopBackOff', () => {
    const p = pod({ deletionTimestamp, containerStatuses: [waiting('app', 'CrashLoopBackOff')] });
    expect(podStatus(p).status).toBe('Terminating');
  });

  it('prints Unknown for a deleted pod whose node was lost (reason NodeLost)', () => {
    const p = pod({ deletionTimestamp, reason: 'NodeLost', containerStatuses: [running('app')] });
    expect(podStatus(p).status).toBe('Unknown');
  });

  it('keeps Completed for a deleted pod that already succeeded', () => {
    const p = pod({
      deletionTimestamp,
      phase: 'Succeeded',
      containerStatuses: [terminated('app', { exitCode: 0, reason: 'Completed' })],
    });
    expect(podStatus(p).status).toBe('Completed');
  });

  it('keeps Error for a deleted pod that already failed', () => {
    const p = pod({
      deletionTimestamp,
      phase: 'Failed',
      containerStatuses: [terminated('app', { exitCode: 1, reason: 'Error' })],
    });
    expect(podStatus(p).status).toBe('Error');
  });

  it('prints NodeLost without a deletionTimestamp (the pod reason alone)', () => {
    const p = pod({ reason: 'NodeLost', containerStatuses: [running('app')] });
    expect(podStatus(p).status).toBe('NodeLost');
  });
});

describe('formatRestarts', () => {
  const now = new Date('2025-01-01T12:05:00Z');

  it('prints "3 (5m ago)" when the last restart time is known', () => {
    expect(formatRestarts(3, new Date('2025-01-01T12:00:00Z'), now)).toBe('3 (5m ago)');
  });

  it('accepts the last restart time as a string', () => {
    expect(formatRestarts(12, '2025-01-01T12:04:30Z', now)).toBe('12 (30s ago)');
  });

  it('prints only the count when the last restart time is unknown', () => {
    expect(formatRestarts(7, undefined, now)).toBe('7');
  });

  it('prints 0 without a time even when a last termination exists', () => {
    expect(formatRestarts(0, new Date('2025-01-01T12:00:00Z'), now)).toBe('0');
  });
});

describe('podStatus on kubectl-shaped JSON fixtures', () => {
  // Expected values are what `kubectl get pod` prints for these objects (see test/fixtures/README.md).
  const now = new Date('2025-11-20T12:40:00Z');
  const cases: [string, unknown, string, string, string][] = [
    ['running-nginx', runningNginx, '1/1', 'Running', '0'],
    ['crashloopbackoff', crashLoop, '0/1', 'CrashLoopBackOff', '7 (4h25m ago)'],
    ['init-running', initRunning, '0/1', 'Init:1/2', '0'],
    ['init-crashloopbackoff', initCrashLoop, '0/1', 'Init:CrashLoopBackOff', '3 (98m ago)'],
    ['sidecar-running', sidecarRunning, '2/2', 'Running', '3 (4h54m ago)'],
    ['job-completed', jobCompleted, '0/1', 'Completed', '0'],
    ['terminating', terminating, '1/1', 'Terminating', '0'],
    ['imagepullbackoff', imagePullBackOff, '0/1', 'ImagePullBackOff', '0'],
    ['scheduling-gated', schedulingGated, '0/1', 'SchedulingGated', '0'],
    ['unschedulable', unschedulable, '0/1', 'Pending', '0'],
    ['running-after-oomkills', runningAfterOomKills, '1/1', 'Running', '4 (41m ago)'],
    ['one-of-two-ready', oneOfTwoReady, '1/2', 'Running', '0'],
    ['evicted', evicted, '0/1', 'ContainerStatusUnknown', '0'],
  ];

  it.each(cases)(
    'prints the kubectl columns for synthetic-pod-%s',
    (_name, json, ready, status, restarts) => {
      const result = podStatus(json as V1Pod);
      expect(result.ready).toBe(ready);
      expect(result.status).toBe(status);
      expect(formatRestarts(result.restarts, result.lastRestart, now)).toBe(restarts);
    },
  );
});
