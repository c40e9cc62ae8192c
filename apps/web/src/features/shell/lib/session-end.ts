import type { ExecEndPayload } from '@wheelhouse/shared-types';

/** The one line the Shell tab shows when a session ends, in the user's terms. */
export function describeEnd(end: ExecEndPayload): string {
  switch (end.reason) {
    case 'exited':
      return end.exitCode === undefined ? 'Session ended.' : `Session ended (exit code ${end.exitCode}).`;
    case 'pod-deleted':
      return `Session ended: ${end.message ?? 'the pod was deleted'}.`;
    case 'stopped':
      return 'Session closed.';
    case 'error':
      return `Session lost: ${end.message ?? 'the connection broke'}.`;
  }
}
