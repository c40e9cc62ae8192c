import type { KubeConfig, KubernetesObject } from '@kubernetes/client-node';
import {
  type ClientToServerEvents,
  type KindObject,
  type ServerToClientEvents,
  SOCKET_PATH,
  type SubscribeAck,
  type SubscribeRequest,
} from '@wheelhouse/shared-types';
import { createTestNamespace, ensureCluster, type TestNamespace } from '@wheelhouse/testkit';
import pino, { type Logger } from 'pino';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll } from 'vitest';
import { createApp, type WheelhouseApp } from '../src/app';
import { loadConfig } from '../src/config';
import type { ExecLimits } from '../src/exec/session';
import type { SessionLimits } from '../src/watch/socket-session';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface BffOptions {
  limits?: SessionLimits;
  execLimits?: Partial<ExecLimits>;
  env?: Record<string, string>;
  log?: Logger;
}

/** A real BFF on 127.0.0.1:<random port> against the real local cluster. */
export async function startBff(
  opts: BffOptions = {},
): Promise<{ app: WheelhouseApp; url: string; kubeconfigPath: string }> {
  const { kubeconfigPath } = await ensureCluster();
  const config = loadConfig({
    KUBECONFIG: kubeconfigPath,
    WHEELHOUSE_PORT: '0',
    WHEELHOUSE_HOST: '127.0.0.1',
    WHEELHOUSE_LOG_LEVEL: 'silent',
    WHEELHOUSE_INFORMER_GRACE_MS: '200',
    ...opts.env,
  });
  const app = createApp(config, {
    log: opts.log ?? pino({ level: 'silent' }),
    limits: opts.limits,
    execLimits: opts.execLimits,
  });
  const addr = await app.listen();
  return { app, url: `http://127.0.0.1:${addr.port}`, kubeconfigPath };
}

/** What a describe block's bffAndNamespace holds once its beforeAll has run. */
export interface BffAndNamespace {
  kc: KubeConfig;
  ns: TestNamespace;
  app: WheelhouseApp;
  url: string;
}

/**
 * The usual set-up of an integration describe block, registered as its beforeAll/afterAll: a fresh
 * test namespace, `seed`ed before the BFF starts, and a BFF; afterwards the BFF closes, then the
 * namespace goes. Call it at the top of the describe; read the fields inside hooks and tests.
 */
export function bffAndNamespace(
  prefix: string,
  opts: { bff?: BffOptions; seed?: (kc: KubeConfig, ns: TestNamespace) => Promise<void> } = {},
): BffAndNamespace {
  const t: Partial<BffAndNamespace> = {};
  beforeAll(async () => {
    const { kc } = await ensureCluster();
    t.kc = kc;
    t.ns = await createTestNamespace(kc, prefix);
    await opts.seed?.(kc, t.ns);
    ({ app: t.app, url: t.url } = await startBff(opts.bff));
  });
  afterAll(async () => {
    await t.app?.close();
    await t.ns?.cleanup();
  });
  return t as BffAndNamespace;
}

export function connect(url: string, origin = url, cookie?: string): Promise<ClientSocket> {
  return new Promise((resolve, reject) => {
    const socket: ClientSocket = io(url, {
      path: SOCKET_PATH,
      transports: ['websocket'],
      extraHeaders: { Origin: origin, ...(cookie ? { Cookie: cookie } : {}) },
      reconnection: false,
      forceNew: true,
      timeout: 5000,
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/**
 * What a browser tab would hold for one subscription: the snapshot, then every events batch and
 * resync applied in order. `byName` is the client's view of the world.
 */
export class ClientView {
  readonly byName = new Map<string, KubernetesObject>();
  subId = '';
  resyncs = 0;
  events = 0;
  /** The last `subStatus` state the server sent for this subscription (a tab's live indicator). */
  status: string | undefined;

  constructor(readonly socket: ClientSocket) {
    socket.on('subStatus', ({ subId, state }) => {
      if (subId === this.subId) this.status = state;
    });
    socket.on('events', ({ subId, batch }) => {
      if (subId !== this.subId) return;
      for (const e of batch) {
        this.events++;
        const key = keyOf(e.object);
        if (e.type === 'DELETED') this.byName.delete(key);
        else this.byName.set(key, e.object);
      }
    });
    socket.on('resync', ({ subId, items }) => {
      if (subId !== this.subId) return;
      this.resyncs++;
      this.byName.clear();
      for (const o of items) this.byName.set(keyOf(o), o);
    });
  }

  subscribe(req: SubscribeRequest): Promise<SubscribeAck> {
    // The snapshot is taken in the ack callback itself, as the browser's LiveStore does: the
    // batches right behind a progressive snapshot's ack can be dispatched before an await resumes.
    return new Promise((resolve, reject) => {
      this.socket.timeout(20_000).emit('subscribe', req, (err: Error | null, ack: SubscribeAck) => {
        if (err) return reject(err);
        if (ack.ok) {
          this.subId = ack.subId;
          for (const o of ack.items) this.byName.set(keyOf(o), o);
        }
        resolve(ack);
      });
    });
  }

  /** name → resourceVersion, the thing to compare with a fresh LIST. */
  versions(): Record<string, string> {
    return Object.fromEntries([...this.byName].map(([k, o]) => [k, o.metadata?.resourceVersion ?? '']));
  }

  /** True when this client holds exactly `items` (a fresh LIST), each at its resourceVersion. */
  matches(items: KubernetesObject[]): boolean {
    if (items.length !== this.byName.size) return false;
    return items.every(
      (o) => this.byName.get(keyOf(o))?.metadata?.resourceVersion === o.metadata?.resourceVersion,
    );
  }
}

export function keyOf(o: KubernetesObject | KindObject): string {
  return `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
}

/** A pino logger whose lines are kept in memory, to assert on what was (and was not) logged. */
export function memoryLogger(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  return { log, lines };
}

/** Origin + CSRF headers a same-origin page would send on a mutation. */
export async function mutationHeaders(url: string, cookie?: string): Promise<Record<string, string>> {
  const session = (await (await fetch(`${url}/api/session`)).json()) as { csrfToken: string };
  return {
    Origin: url,
    'x-wheelhouse-csrf': session.csrfToken,
    'Content-Type': 'application/json',
    ...(cookie ? { Cookie: cookie } : {}),
  };
}
