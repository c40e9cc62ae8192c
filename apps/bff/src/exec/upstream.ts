import { PassThrough, Writable } from 'node:stream';
import { Exec, type KubeConfig, type V1Status } from '@kubernetes/client-node';
// Not re-exported by the package's index in 2.0.1 (which has no exports map); Exec takes one.
import { WebSocketHandler } from '@kubernetes/client-node/dist/web-socket-handler.js';
import WebSocket from 'ws';
import { ApiServerError, statusToError } from '../kube/client';

export interface ExecTarget {
  namespace: string;
  pod: string;
  container: string;
  command: string[];
}

export interface UpstreamEvents {
  /** Terminal output (channel 1; with a TTY the runtime merges stderr into it). */
  output(chunk: Buffer): void;
  /** The status channel (3): how the process ended. Arrives before `closed`, or never. */
  status(status: V1Status): void;
  /** The WebSocket closed, after a status or without one (`why` says what broke, if anything). */
  closed(why: string | undefined): void;
}

export interface UpstreamOptions {
  cols: number;
  rows: number;
  /** WebSocket ping interval to the apiserver (0: none). */
  pingMs: number;
  /** Called with +1 when the connection opens and -1 when it closes (the open-sessions gauge). */
  count(delta: 1 | -1): void;
}

/** One open pods/exec connection with a TTY. */
export interface Upstream {
  send(data: string): void;
  resize(cols: number, rows: number): void;
  /** Bytes written to the apiserver but not yet sent (input backpressure). */
  readonly bufferedAmount: number;
  /** Stops reading output until resume() (output backpressure: the browser fell behind). */
  pause(): void;
  resume(): void;
  close(): void;
}

/** How long a closing connection may wait for the apiserver's close frame before it is cut. */
const CLOSE_GRACE_MS = 2000;
/** The WebSocket handshake with the apiserver. */
const HANDSHAKE_TIMEOUT_MS = 15_000;

/**
 * The terminal's screen as client-node's Exec sees it: output is written here, and because it has
 * `rows`/`columns` and emits 'resize' (like process.stdout), Exec sends every size on the resize
 * channel (4) as {Width, Height} — the initial one included.
 */
class Screen extends Writable {
  constructor(
    public rows: number,
    public columns: number,
    private readonly onChunk: (chunk: Buffer) => void,
  ) {
    super();
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.onChunk(chunk);
    done();
  }
}

/**
 * Opens `pods/exec` with a TTY as the caller of `kc`, through client-node's Exec (it offers the
 * channel protocols v5 → v4 → … and the apiserver picks the newest it speaks). Two things are ours:
 * the WebSocket, so an apiserver refusal of the upgrade (403, 404 unknown pod, 400 unknown
 * container) keeps its Status message — client-node's handler only sees "Unexpected server
 * response: 403" — and pings, so idle timeouts between the BFF and the apiserver never fire.
 */
export async function openExec(
  kc: KubeConfig,
  target: ExecTarget,
  opts: UpstreamOptions,
  on: UpstreamEvents,
): Promise<Upstream> {
  let socket: WebSocket | undefined;
  let refusal: ApiServerError | undefined;
  let why: string | undefined;
  const factory = (uri: string, protocols: string[], wsOpts: WebSocket.ClientOptions) => {
    const ws = new WebSocket(uri, protocols, { ...wsOpts, handshakeTimeout: HANDSHAKE_TIMEOUT_MS });
    socket = ws;
    let opened = false;
    let pinger: NodeJS.Timeout | undefined;
    ws.on('unexpected-response', (_req, res) => {
      // ws leaves the handshake to us once we listen: read the apiserver's Status, then abort it
      // (terminate() while connecting fails the connect, which Exec then rejects with).
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        if (size < 64 * 1024) chunks.push(c);
        size += c.length;
      });
      res.on('end', () => {
        refusal = statusToError(res.statusCode ?? 502, Buffer.concat(chunks).toString('utf8'));
        ws.terminate();
      });
      res.on('error', () => ws.terminate());
    });
    ws.on('error', (err) => {
      why = err.message;
    });
    ws.on('open', () => {
      opened = true;
      opts.count(1);
      if (opts.pingMs > 0) {
        pinger = setInterval(() => ws.ping(), opts.pingMs);
        pinger.unref();
      }
    });
    ws.on('close', (code, reason) => {
      if (pinger) clearInterval(pinger);
      if (!opened) return;
      opts.count(-1);
      const text = reason.toString('utf8');
      on.closed(why ?? (code === 1000 || code === 1005 ? undefined : `closed with ${code} ${text}`.trim()));
    });
    return ws;
  };
  const screen = new Screen(opts.rows, opts.cols, on.output);
  const keyboard = new PassThrough();
  // Exec ends these on the protocol's close frames; they must never be this process's own stdio.
  const handler = new WebSocketHandler(kc, factory, {
    stdin: keyboard,
    stdout: screen,
    stderr: new PassThrough(),
  });
  try {
    await new Exec(kc, handler).exec(
      target.namespace,
      target.pod,
      target.container,
      target.command,
      screen,
      null,
      keyboard,
      true,
      on.status,
    );
  } catch (err) {
    if (refusal) throw refusal;
    const message = (err as { message?: string }).message ?? String(err);
    throw new ApiServerError({
      code: 503,
      reason: 'ServiceUnavailable',
      message: `cannot open a shell through the apiserver at ${kc.getCurrentCluster()?.server}: ${message}`,
      source: 'bff',
    });
  }
  const ws = socket as WebSocket;
  return {
    send: (data) => keyboard.write(data),
    resize(cols, rows) {
      screen.columns = cols;
      screen.rows = rows;
      screen.emit('resize');
    },
    get bufferedAmount() {
      return ws.bufferedAmount + keyboard.readableLength;
    },
    pause: () => ws.pause(),
    resume: () => ws.resume(),
    close() {
      if (ws.readyState === WebSocket.CLOSED) return;
      ws.close(1000);
      setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref();
    },
  };
}
