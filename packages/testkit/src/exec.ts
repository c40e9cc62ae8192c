/**
 * `kubectl exec` through the apiserver's pods/exec, over the same WebSocket protocol the BFF uses (client-node's
 * Exec: v5.channel.k8s.io, with stdin close and resize). On the local cluster KWOK runs the command as a local
 * process in a scratch directory (tools/cluster: "the demo cluster's pods exec into a local shell").
 */
import { PassThrough, Readable, Writable } from 'node:stream';
import { Exec, type KubeConfig, type V1Status } from '@kubernetes/client-node';
import { waitFor } from './wait';

type ExecSocket = Awaited<ReturnType<Exec['exec']>>;

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface ExecOptions {
  /** Default: the pod's only (or first) container, as the apiserver picks it. */
  container?: string;
  /** Written to the command's stdin, which is then closed. */
  stdin?: string;
  /** Default 60 s; the session is closed and the promise rejected after it. */
  timeoutMs?: number;
}

/** The exit code in the status the kubelet (here KWOK) ends an exec with, or an Error for any other failure. */
function exitCodeOf(status: V1Status | undefined): number | Error {
  if (status?.status === 'Success') return 0;
  const code = status?.details?.causes?.find((c) => c.reason === 'ExitCode')?.message;
  if (status?.reason === 'NonZeroExitCode' && code !== undefined) return Number(code);
  return new Error(`exec failed: ${status?.message ?? 'the stream ended without a status'}`);
}

function collector(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** Resolves with the exit code once the socket closes; rejects on a failure status or at the deadline. */
function finished(ws: ExecSocket, status: () => V1Status | undefined, timeoutMs: number, what: string) {
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      ws.close();
      reject(new Error(`${what} did not end within ${timeoutMs}ms`));
    }, timeoutMs);
    ws.on('close', () => {
      clearTimeout(timer);
      const code = exitCodeOf(status());
      if (code instanceof Error) reject(code);
      else resolve(code);
    });
  });
}

/**
 * Runs `command` (no shell: pass ['sh', '-c', '…'] for one) in a pod and collects its output. A non-zero exit is a
 * result, not an error; it rejects when the command cannot run (no such pod, container or executable).
 */
export async function execInPod(
  kc: KubeConfig,
  namespace: string,
  pod: string,
  command: string[],
  opts: ExecOptions = {},
): Promise<ExecResult> {
  const stdout = collector();
  const stderr = collector();
  let status: V1Status | undefined;
  const ws = await new Exec(kc).exec(
    namespace,
    pod,
    opts.container ?? '',
    command,
    stdout.stream,
    stderr.stream,
    opts.stdin === undefined ? null : Readable.from([opts.stdin]),
    false,
    (s) => {
      status = s;
    },
  );
  const what = `exec ${command.join(' ')} in ${namespace}/${pod}`;
  const exitCode = await finished(ws, () => status, opts.timeoutMs ?? 60_000, what);
  return { stdout: stdout.text(), stderr: stderr.text(), exitCode };
}

export interface PodTerminal {
  /** Types into the terminal (a TTY: "\r" is Enter, "\u0003" is Ctrl-C). */
  write(data: string): void;
  /** Resizes the terminal, as a browser terminal does when its window changes. */
  resize(rows: number, cols: number): void;
  /** Everything the terminal has printed so far. */
  output(): string;
  /** Waits until the output matches, and returns it. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** The exit code, once the process ends. */
  exited: Promise<number>;
  /** Ends the session (hangs up the terminal). */
  close(): void;
}

/** The terminal's output side; client-node reads rows/columns and listens for 'resize' (as on process.stdout). */
class TerminalScreen extends Writable {
  rows: number;
  columns: number;
  readonly chunks: Buffer[] = [];
  constructor(rows: number, columns: number) {
    super();
    this.rows = rows;
    this.columns = columns;
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk);
    done();
  }
}

/** Opens an interactive TTY session (`kubectl exec -it POD -- command`) of the given size. */
export async function openPodTerminal(
  kc: KubeConfig,
  namespace: string,
  pod: string,
  command: string[],
  opts: { container?: string; rows?: number; cols?: number; timeoutMs?: number } = {},
): Promise<PodTerminal> {
  const screen = new TerminalScreen(opts.rows ?? 24, opts.cols ?? 80);
  const keyboard = new PassThrough();
  let status: V1Status | undefined;
  const ws = await new Exec(kc).exec(
    namespace,
    pod,
    opts.container ?? '',
    command,
    screen,
    null,
    keyboard,
    true,
    (s) => {
      status = s;
    },
  );
  const what = `terminal ${command.join(' ')} in ${namespace}/${pod}`;
  const exited = finished(ws, () => status, opts.timeoutMs ?? 10 * 60_000, what);
  // A session closed from this side ends without a status: only a caller awaiting `exited` hears of it.
  exited.catch(() => undefined);
  const output = () => Buffer.concat(screen.chunks).toString('utf8');
  return {
    write: (data) => keyboard.write(data),
    resize(rows, cols) {
      screen.rows = rows;
      screen.columns = cols;
      screen.emit('resize');
    },
    output,
    async waitForOutput(pattern, timeoutMs = 15_000) {
      try {
        return await waitFor(async () => pattern.test(output()) && output(), {
          timeoutMs,
          intervalMs: 50,
          what: `${pattern} in the output of ${what}`,
        });
      } catch (error) {
        throw new Error(
          `${(error as Error).message}; the output so far ends ${JSON.stringify(output().slice(-300))}`,
        );
      }
    },
    exited,
    close() {
      keyboard.end();
      ws.close();
    },
  };
}
