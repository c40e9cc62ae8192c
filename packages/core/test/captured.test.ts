/**
 * podStatus() against pods captured from the real local cluster (tools/cluster, Kubernetes 1.36 + KWOK):
 * `kubectl get pod X -o json` is saved as fixtures/captured-*.json, and what `kubectl get pod X` printed at
 * the same moment (READY, STATUS, RESTARTS) as fixtures/captured.expected.json, with the capture time so the
 * "(5m ago)" part of RESTARTS can be recomputed. Readiness, restarts, phases and init/sidecar states were
 * shaped with @wheelhouse/testkit (flipReadiness, addRestarts) and pod status patches; Terminating pods were
 * held by a finalizer; Job pods were completed by KWOK.
 */
import type { V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { formatRestarts, podStatus } from '../src/index';
import expected from './fixtures/captured.expected.json';
import completedAndRunningNotready from './fixtures/captured-pod-completed-and-running-notready.json';
import completedAndRunningReady from './fixtures/captured-pod-completed-and-running-ready.json';
import containerCreating from './fixtures/captured-pod-container-creating.json';
import crashloopbackoff from './fixtures/captured-pod-crashloopbackoff.json';
import demoFrontendRunning from './fixtures/captured-pod-demo-frontend-running.json';
import demoPaymentsReadinessFailed from './fixtures/captured-pod-demo-payments-readiness-failed.json';
import demoWorkerOomkilledRestarts from './fixtures/captured-pod-demo-worker-oomkilled-restarts.json';
import evicted from './fixtures/captured-pod-evicted.json';
import failedError from './fixtures/captured-pod-failed-error.json';
import failedExitcodeNoReason from './fixtures/captured-pod-failed-exitcode-no-reason.json';
import failedSignalNoReason from './fixtures/captured-pod-failed-signal-no-reason.json';
import imagepullbackoff from './fixtures/captured-pod-imagepullbackoff.json';
import initCrashloopbackoff from './fixtures/captured-pod-init-crashloopbackoff.json';
import initDoneContainerCreating from './fixtures/captured-pod-init-done-container-creating.json';
import initError from './fixtures/captured-pod-init-error.json';
import initExitcodeNoReason from './fixtures/captured-pod-init-exitcode-no-reason.json';
import initRestartedThenRunning from './fixtures/captured-pod-init-restarted-then-running.json';
import initRunning from './fixtures/captured-pod-init-running.json';
import initSecondOfTwoRunning from './fixtures/captured-pod-init-second-of-two-running.json';
import initWaiting from './fixtures/captured-pod-init-waiting.json';
import jobCompleted from './fixtures/captured-pod-job-completed.json';
import jobCompletedDeleting from './fixtures/captured-pod-job-completed-deleting.json';
import oneOfTwoReady from './fixtures/captured-pod-one-of-two-ready.json';
import pendingUnschedulable from './fixtures/captured-pod-pending-unschedulable.json';
import restartsDaysAgo from './fixtures/captured-pod-restarts-days-ago.json';
import restartsHoursAgo from './fixtures/captured-pod-restarts-hours-ago.json';
import schedulingGated from './fixtures/captured-pod-scheduling-gated.json';
import sidecarAsKwokLeavesIt from './fixtures/captured-pod-sidecar-as-kwok-leaves-it.json';
import sidecarRunningWithRestarts from './fixtures/captured-pod-sidecar-running-with-restarts.json';
import sidecarStartedNextInitRunning from './fixtures/captured-pod-sidecar-started-next-init-running.json';
import terminating from './fixtures/captured-pod-terminating.json';
import terminatingNodelost from './fixtures/captured-pod-terminating-nodelost.json';
import twoContainersRestarted from './fixtures/captured-pod-two-containers-restarted.json';
import twoContainersWaiting from './fixtures/captured-pod-two-containers-waiting.json';

const fixtures: Record<string, unknown> = {
  'captured-pod-completed-and-running-notready.json': completedAndRunningNotready,
  'captured-pod-completed-and-running-ready.json': completedAndRunningReady,
  'captured-pod-container-creating.json': containerCreating,
  'captured-pod-crashloopbackoff.json': crashloopbackoff,
  'captured-pod-demo-frontend-running.json': demoFrontendRunning,
  'captured-pod-demo-payments-readiness-failed.json': demoPaymentsReadinessFailed,
  'captured-pod-demo-worker-oomkilled-restarts.json': demoWorkerOomkilledRestarts,
  'captured-pod-evicted.json': evicted,
  'captured-pod-failed-error.json': failedError,
  'captured-pod-failed-exitcode-no-reason.json': failedExitcodeNoReason,
  'captured-pod-failed-signal-no-reason.json': failedSignalNoReason,
  'captured-pod-imagepullbackoff.json': imagepullbackoff,
  'captured-pod-init-crashloopbackoff.json': initCrashloopbackoff,
  'captured-pod-init-done-container-creating.json': initDoneContainerCreating,
  'captured-pod-init-error.json': initError,
  'captured-pod-init-exitcode-no-reason.json': initExitcodeNoReason,
  'captured-pod-init-restarted-then-running.json': initRestartedThenRunning,
  'captured-pod-init-running.json': initRunning,
  'captured-pod-init-second-of-two-running.json': initSecondOfTwoRunning,
  'captured-pod-init-waiting.json': initWaiting,
  'captured-pod-job-completed-deleting.json': jobCompletedDeleting,
  'captured-pod-job-completed.json': jobCompleted,
  'captured-pod-one-of-two-ready.json': oneOfTwoReady,
  'captured-pod-pending-unschedulable.json': pendingUnschedulable,
  'captured-pod-restarts-days-ago.json': restartsDaysAgo,
  'captured-pod-restarts-hours-ago.json': restartsHoursAgo,
  'captured-pod-scheduling-gated.json': schedulingGated,
  'captured-pod-sidecar-as-kwok-leaves-it.json': sidecarAsKwokLeavesIt,
  'captured-pod-sidecar-running-with-restarts.json': sidecarRunningWithRestarts,
  'captured-pod-sidecar-started-next-init-running.json': sidecarStartedNextInitRunning,
  'captured-pod-terminating-nodelost.json': terminatingNodelost,
  'captured-pod-terminating.json': terminating,
  'captured-pod-two-containers-restarted.json': twoContainersRestarted,
  'captured-pod-two-containers-waiting.json': twoContainersWaiting,
};

interface KubectlColumns {
  ready: string;
  status: string;
  restarts: string;
  capturedAt: string;
}

const cases = Object.entries(expected as Record<string, KubectlColumns>);

describe('podStatus on pods captured from a real cluster', () => {
  it('has a fixture for every recorded kubectl line, and a kubectl line for every fixture', () => {
    expect(Object.keys(fixtures).sort()).toEqual(cases.map(([file]) => file).sort());
  });

  it.each(cases)('prints what kubectl printed for %s', (file, want) => {
    const pod = fixtures[file] as V1Pod;
    const got = podStatus(pod);
    expect({
      ready: got.ready,
      status: got.status,
      restarts: formatRestarts(got.restarts, got.lastRestart, new Date(want.capturedAt)),
    }).toEqual({ ready: want.ready, status: want.status, restarts: want.restarts });
    expect(got.restarts).toBe(Number.parseInt(want.restarts, 10));
  });
});
