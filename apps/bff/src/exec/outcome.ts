import type { V1Status } from '@kubernetes/client-node';

/** How an exec ended, read from the status channel (3) of the channel protocol. */
export type ExecOutcome =
  | { kind: 'exited'; exitCode: number }
  /** The command is not in the image (the runtime could not start it). */
  | { kind: 'missing'; message: string }
  | { kind: 'failed'; message: string };

/**
 * What runtimes say when the executable is not there: runc/containerd "executable file not found in
 * $PATH", crun and others "No such file or directory", a shell wrapper "command not found".
 */
const NOT_FOUND =
  /executable file not found|no such file or directory|command not found|not found in \$PATH/i;

/**
 * The kubelet ends an exec with a metav1.Status on channel 3 (remotecommand's v4+ error stream):
 * Success for exit 0; Failure with reason NonZeroExitCode and a cause {reason: ExitCode, message: N}
 * for another exit code (what `kubectl exec` exits with); any other Failure when the command could
 * not run at all, the message saying why.
 */
export function outcomeOf(status: V1Status): ExecOutcome {
  if (status.status === 'Success') return { kind: 'exited', exitCode: 0 };
  const code = status.details?.causes?.find((c) => c.reason === 'ExitCode')?.message;
  if (status.reason === 'NonZeroExitCode' && code !== undefined && /^\d+$/.test(code)) {
    return { kind: 'exited', exitCode: Number(code) };
  }
  const message = status.message ?? 'the command failed without a message';
  return NOT_FOUND.test(message) ? { kind: 'missing', message } : { kind: 'failed', message };
}

/**
 * Whether an attempt to start `command` says the image lacks it: the runtime's refusal, or a
 * process that exited 126/127 (a shell's "cannot execute" / "not found") before printing anything —
 * a shell that ran and was left with `exit 127` had printed its prompt first.
 */
export function isMissing(outcome: ExecOutcome, printedAnything: boolean): boolean {
  if (outcome.kind === 'missing') return true;
  return (
    outcome.kind === 'exited' && !printedAnything && (outcome.exitCode === 126 || outcome.exitCode === 127)
  );
}
