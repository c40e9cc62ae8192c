export type StatusTone = 'ok' | 'progress' | 'done' | 'error';

const PROGRESS = new Set([
  'Pending',
  'ContainerCreating',
  'PodInitializing',
  'SchedulingGated',
  'Terminating',
  'NotReady',
]);
const DONE = new Set(['Completed', 'Succeeded']);

/**
 * How a pod STATUS (as kubectl prints it) reads at a glance: Running is fine; pending, creating,
 * initialising and terminating are on their way; finished pods are done; anything else
 * (CrashLoopBackOff, ImagePullBackOff, Error, OOMKilled, ExitCode:1, Evicted, Unknown, …) is a problem.
 */
export function statusTone(status: string): StatusTone {
  if (status === 'Running') return 'ok';
  if (DONE.has(status)) return 'done';
  if (PROGRESS.has(status) || /^Init:\d+\/\d+$/.test(status)) return 'progress';
  return 'error';
}

/** READY's tone ("0/1", "3/3"): all ready is fine, fewer is on its way (the lists colour it amber). */
export function readyTone(ready: string): Extract<StatusTone, 'ok' | 'progress'> {
  const [have, want] = ready.split('/');
  return have === want ? 'ok' : 'progress';
}

/**
 * A node's STATUS (`Ready`, `NotReady`, `Unknown`, `,SchedulingDisabled` appended): Ready is fine,
 * a cordoned Ready node is on its way (nothing new is scheduled there), anything else a problem.
 */
export function nodeStatusTone(status: string): StatusTone {
  if (status === 'Ready') return 'ok';
  if (status === 'Ready,SchedulingDisabled') return 'progress';
  return 'error';
}

/** A namespace's STATUS (its phase): Active is fine, Terminating on its way out. */
export function namespaceStatusTone(status: string): StatusTone {
  return status === 'Active' ? 'ok' : status === 'Terminating' ? 'progress' : 'error';
}
