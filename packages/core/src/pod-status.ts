/**
 * The READY, STATUS and RESTARTS columns of `kubectl get pods`.
 *
 * Follows printPod in kubernetes/kubernetes pkg/printers/internalversion/printers.go (the server-side table
 * printer that kubectl displays), as of Kubernetes 1.36.
 */
import type { V1Container, V1ContainerStatus, V1Pod, V1PodCondition } from '@kubernetes/client-node';
import { formatAge, type Timestamp, toDate } from './age';

export interface PodStatusSummary {
  /** READY column, e.g. "1/2". Restartable init containers (sidecars) count towards both numbers. */
  ready: string;
  /** STATUS column, e.g. "Running", "CrashLoopBackOff", "Init:1/3", "Terminating". */
  status: string;
  /** RESTARTS column as a number. */
  restarts: number;
  /** Most recent `lastState.terminated.finishedAt` among the containers counted in `restarts`. */
  lastRestart?: Date;
}

/** pod.status.reason the node lifecycle controller sets when a node stops reporting (node.NodeUnreachablePodReason). */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

/** An init container with restartPolicy Always is a sidecar: it keeps running beside the app containers. */
export function isRestartableInitContainer(container: V1Container | undefined): boolean {
  return container?.restartPolicy === 'Always';
}

function isPodPhaseTerminal(phase: string | undefined): boolean {
  return phase === 'Failed' || phase === 'Succeeded';
}

/** Like printers.go's isPodInitializedConditionTrue: the first Initialized condition decides. */
function isInitializedConditionTrue(conditions: V1PodCondition[] | undefined): boolean {
  const condition = conditions?.find((c) => c.type === 'Initialized');
  return condition?.status === 'True';
}

function hasPodReadyCondition(conditions: V1PodCondition[] | undefined): boolean {
  return (conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** Returns the later of `current` and the container's last termination time. */
function laterRestart(current: Date | undefined, status: V1ContainerStatus): Date | undefined {
  const finished = toDate(status.lastState?.terminated?.finishedAt as Timestamp | undefined);
  if (finished === undefined) return current;
  if (current === undefined || current.getTime() < finished.getTime()) return finished;
  return current;
}

/** Computes kubectl's READY, STATUS and RESTARTS for a pod. */
export function podStatus(pod: V1Pod): PodStatusSummary {
  const spec = pod.spec;
  const status = pod.status;
  const conditions = status?.conditions;

  let restarts = 0;
  let restartableInitContainerRestarts = 0;
  let totalContainers = spec?.containers?.length ?? 0;
  let readyContainers = 0;
  let lastRestart: Date | undefined;
  let lastRestartableInitContainerRestart: Date | undefined;

  const podPhase = status?.phase ?? '';
  let reason = status?.reason ? status.reason : podPhase;

  // A pod held back by scheduling gates carries {type: PodScheduled, reason: SchedulingGated}.
  for (const condition of conditions ?? []) {
    if (condition.type === 'PodScheduled' && condition.reason === 'SchedulingGated') {
      reason = 'SchedulingGated';
    }
  }

  const initContainers = new Map<string, V1Container>();
  for (const container of spec?.initContainers ?? []) {
    initContainers.set(container.name, container);
    if (isRestartableInitContainer(container)) totalContainers++;
  }
  const initContainerCount = spec?.initContainers?.length ?? 0;

  // Init containers run in order; the first one that has not completed decides the status.
  let initializing = false;
  const initStatuses = status?.initContainerStatuses ?? [];
  for (const [i, container] of initStatuses.entries()) {
    const restartable = isRestartableInitContainer(initContainers.get(container.name));
    restarts += container.restartCount ?? 0;
    lastRestart = laterRestart(lastRestart, container);
    if (restartable) {
      restartableInitContainerRestarts += container.restartCount ?? 0;
      lastRestartableInitContainerRestart = laterRestart(lastRestartableInitContainerRestart, container);
    }

    const terminated = container.state?.terminated;
    const waiting = container.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (restartable && container.started === true) {
      if (container.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      // Initialisation failed.
      if (!terminated.reason) {
        reason = terminated.signal
          ? `Init:Signal:${terminated.signal}`
          : `Init:ExitCode:${terminated.exitCode ?? 0}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initContainerCount}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || isInitializedConditionTrue(conditions)) {
    // Only sidecars' restarts carry over once the pod has initialised.
    restarts = restartableInitContainerRestarts;
    lastRestart = lastRestartableInitContainerRestart;
    let hasRunning = false;
    const containerStatuses = status?.containerStatuses ?? [];
    // Walked backwards, so the first container with a notable state sets the status.
    for (let i = containerStatuses.length - 1; i >= 0; i--) {
      const container = containerStatuses[i];
      if (container === undefined) continue;
      restarts += container.restartCount ?? 0;
      lastRestart = laterRestart(lastRestart, container);

      const waiting = container.state?.waiting;
      const terminated = container.state?.terminated;
      if (waiting?.reason) {
        reason = waiting.reason;
      } else if (terminated?.reason) {
        reason = terminated.reason;
      } else if (terminated) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode ?? 0}`;
      } else if (container.ready && container.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }

    // A pod whose finished container reports "Completed" is still Running while another container runs.
    if (reason === 'Completed' && hasRunning) {
      reason = hasPodReadyCondition(conditions) ? 'Running' : 'NotReady';
    }
  }

  const deleting = toDate(pod.metadata?.deletionTimestamp as Timestamp | undefined) !== undefined;
  if (deleting && status?.reason === NODE_UNREACHABLE_POD_REASON) {
    reason = 'Unknown';
  } else if (deleting && !isPodPhaseTerminal(podPhase)) {
    reason = 'Terminating';
  }

  const summary: PodStatusSummary = {
    ready: `${readyContainers}/${totalContainers}`,
    status: reason,
    restarts,
  };
  if (lastRestart !== undefined) summary.lastRestart = lastRestart;
  return summary;
}

/**
 * The RESTARTS column text: "3 (5m ago)" when the last restart time is known, otherwise just the count.
 */
export function formatRestarts(restarts: number, lastRestart: Timestamp | undefined, now: Date): string {
  const last = toDate(lastRestart);
  if (restarts !== 0 && last !== undefined) return `${restarts} (${formatAge(last, now)} ago)`;
  return String(restarts);
}
