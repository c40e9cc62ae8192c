/**
 * The bad-input battery's harness: the one error-body check, the namespace snapshot every case is
 * compared against, and the Rig the case families (cases-*.ts) are built from. The raw HTTP client is
 * ../raw-http.ts; the battery itself is ../bad-input.test.ts.
 */
import { kubectl } from '@wheelhouse/testkit';
import { expect } from 'vitest';
import type { WheelhouseApp } from '../../src/app';
import { type Reply, raw } from '../raw-http';
import type { ClientSocket } from '../support';

export type Outcome =
  | { kind: 'http'; reply: Reply }
  | { kind: 'ack'; ack: unknown }
  | { kind: 'handshake'; refused: boolean; message: string; reply: Reply };

export interface Case {
  /** Leads with the outcome: "<code> <reason> ← <input>". */
  name: string;
  code: number;
  reason?: string;
  /** Expected `source` when it matters (the apiserver's own 409, say). */
  source?: 'bff' | 'apiserver';
  /** What the message must say, when it tells two causes of one code apart. */
  message?: RegExp;
  /** Needs the deployment actions (apps/bff/src/http/actions.ts) to be mounted. */
  actions?: boolean;
  run(): Promise<Outcome>;
}

export function expectErrorBody(
  body: unknown,
  code: number,
  reason?: string,
  source?: string,
  message?: RegExp,
): void {
  const error = (body as { error?: Record<string, unknown> }).error;
  expect(error, `error body in ${JSON.stringify(body).slice(0, 300)}`).toBeDefined();
  expect(error?.code).toBe(code);
  expect(typeof error?.reason).toBe('string');
  if (reason) expect(error?.reason).toBe(reason);
  expect(typeof error?.message).toBe('string');
  expect(String(error?.message ?? '').length).toBeGreaterThan(0);
  expect(['bff', 'apiserver']).toContain(error?.source);
  if (source) expect(error?.source).toBe(source);
  if (message) expect(error?.message).toMatch(message);
}

/** kind/name → resourceVersion of every object of the namespace `kubectl get` lists. */
export async function snapshot(namespace: string): Promise<Record<string, string>> {
  const out = await kubectl([
    'get',
    'all,configmaps,secrets,serviceaccounts,roles,rolebindings,endpointslices,leases',
    '-n',
    namespace,
    '-o',
    'json',
  ]);
  const list = JSON.parse(out) as {
    items: Array<{ kind: string; metadata: { name: string; resourceVersion: string } }>;
  };
  return Object.fromEntries(
    list.items.map((o) => [`${o.kind}/${o.metadata.name}`, o.metadata.resourceVersion] as const).sort(),
  );
}

export const long = (n: number, ch = 'a') => ch.repeat(n);

/** What beforeAll learns and starts; the cases read it when they run, not when they are listed. */
export interface BadInputState {
  bff: { app: WheelhouseApp; url: string };
  tokenBff: { app: WheelhouseApp; url: string };
  headers: Record<string, string>;
  tokenHeaders: Record<string, string>;
  socket: ClientSocket;
  /** Deployment web's resourceVersion; the ConfigMap's and the Secret's. */
  rv: string;
  cmRv: string;
  secretRv: string;
  /** Deployment web as the web's YAML view shows it. */
  webYaml: string;
}

export interface Rig {
  state: BadInputState;
  /** The test namespace. */
  N(): string;
  scalePath(): string;
  subscribe(payload: unknown): () => Promise<Outcome>;
  get(path: string, extra?: Record<string, string>): () => Promise<Outcome>;
  /** A mutation with good Origin + CSRF unless `extra` overrides them ('' removes a header). */
  send(
    method: string,
    path: string,
    body: unknown,
    extra?: Record<string, string>,
    base?: () => string,
  ): () => Promise<Outcome>;
  handshake(extra: Record<string, string>): () => Promise<Outcome>;
}

export function makeRig(state: BadInputState, namespace: () => string): Rig {
  const N = namespace;
  return {
    state,
    N,
    scalePath: () => `/api/deployments/${N()}/web/scale`,
    subscribe: (payload) => async () => ({
      kind: 'ack',
      ack: await state.socket.timeout(10_000).emitWithAck('subscribe', payload as never),
    }),
    get:
      (path, extra = {}) =>
      async () => ({ kind: 'http', reply: await raw(state.bff.url, 'GET', path, { headers: extra }) }),
    send:
      (method, path, body, extra = {}, base) =>
      async () => {
        const url = base?.() ?? state.bff.url;
        const h = url === state.bff.url ? state.headers : state.tokenHeaders;
        const payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
        const merged: Record<string, string> = { ...h, ...extra };
        for (const [k, v] of Object.entries(merged)) if (v === '') delete merged[k];
        return { kind: 'http', reply: await raw(url, method, path, { headers: merged, body: payload }) };
      },
    handshake: (extra) => async () => {
      // The websocket handshake as a browser sends it.
      const reply = await raw(state.bff.url, 'GET', '/api/socket/?EIO=4&transport=websocket', {
        headers: {
          Origin: state.bff.url,
          Connection: 'Upgrade',
          Upgrade: 'websocket',
          'Sec-WebSocket-Version': '13',
          'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
          ...extra,
        },
      });
      return { kind: 'handshake', refused: reply.status >= 400, message: reply.text, reply };
    },
  };
}
