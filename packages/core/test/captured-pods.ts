/**
 * The pods captured from the real local cluster (see captured.test.ts for how), by file name:
 * `kubectl get pod X -o json`, and what `kubectl get pod X` printed at the same moment in
 * captured.expected.json. Shared by the tests of podStatus and of the list row.
 */
import type { V1Pod } from '@kubernetes/client-node';
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

export const capturedPods: Record<string, unknown> = {
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

/** What kubectl printed for each captured pod, and when (RESTARTS' "ago" is relative to it). */
export interface KubectlColumns {
  ready: string;
  status: string;
  restarts: string;
  capturedAt: string;
}

export const capturedCases = Object.entries(expected as Record<string, KubectlColumns>);

export const capturedPod = (file: string) => capturedPods[file] as V1Pod;
