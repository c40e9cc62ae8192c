/**
 * Bad-input battery: hostile and malformed inputs through the real HTTP and socket interfaces of a BFF
 * started with startBff() against the real local cluster. Every case must end in a clear 4xx with the one
 * error body ({error: {code, reason, message, source}}, or a socket ack {ok: false, error}) — and the
 * test namespace must be exactly as it was: every object at the same resourceVersion (kubectl get of all
 * its objects before and after each case).
 */
import http from 'node:http';
import { AppsV1Api, type KubeConfig } from '@kubernetes/client-node';
import { createDeployment, createTestNamespace, ensureCluster, kubectl, waitFor } from '@wheelhouse/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WheelhouseApp } from '../src/app';
import { TOKEN_COOKIE } from '../src/kube/callers';
import { type ClientSocket, connect, mutationHeaders, startBff } from './support';
import { yamlOf } from './writes-support';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/**
 * A raw HTTP/1.1 request: the path is sent exactly as given (fetch would normalise "../" and refuse
 * some headers), any Host and Origin.
 */
function raw(
  base: string,
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        method,
        path,
        headers: {
          Host: u.host,
          ...(opts.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(opts.body)) } : {}),
          ...opts.headers,
        },
        timeout: 15_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString(),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', reject);
    req.end(opts.body);
  });
}

type Outcome =
  | { kind: 'http'; reply: Reply }
  | { kind: 'ack'; ack: unknown }
  | { kind: 'handshake'; refused: boolean; message: string; reply: Reply };

interface Case {
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

function expectErrorBody(
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
async function snapshot(namespace: string): Promise<Record<string, string>> {
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

const long = (n: number, ch = 'a') => ch.repeat(n);

describe('bad input: each hostile or malformed request gets a clear 4xx and changes nothing', () => {
  let kc: KubeConfig;
  let ns: { name: string; cleanup(): Promise<void> };
  let bff: { app: WheelhouseApp; url: string };
  let tokenBff: { app: WheelhouseApp; url: string };
  let headers: Record<string, string>;
  let tokenHeaders: Record<string, string>;
  let rv = '';
  /** The ConfigMap's and the Secret's resourceVersions, and deployment web as the web's YAML view shows it. */
  let cmRv = '';
  let secretRv = '';
  let webYaml = '';
  let actionsMounted = false;
  let socket: ClientSocket;
  let last: Record<string, string> = {};

  beforeAll(async () => {
    ({ kc } = await ensureCluster());
    ns = await createTestNamespace(kc, 'bff-bad-input');
    await kubectl(['-n', ns.name, 'create', 'configmap', 'settings', '--from-literal=mode=calm']);
    await kubectl(['-n', ns.name, 'create', 'secret', 'generic', 'creds', '--from-literal=password=hunter2']);
    await createDeployment(kc, ns.name, 'web', { replicas: 1, image: 'registry.invalid/web:1' });
    const apps = kc.makeApiClient(AppsV1Api);
    await waitFor(
      async () => {
        const d = await apps.readNamespacedDeployment({ name: 'web', namespace: ns.name });
        return (
          d.status?.readyReplicas === 1 &&
          d.status.updatedReplicas === 1 &&
          d.status.observedGeneration === d.metadata?.generation
        );
      },
      { timeoutMs: 90_000, intervalMs: 250, what: 'deployment web to be ready' },
    );
    // Settled: two snapshots a second apart agree (KWOK and the controllers are done writing).
    last = await waitFor(
      async () => {
        const a = await snapshot(ns.name);
        await new Promise((r) => setTimeout(r, 1000));
        const b = await snapshot(ns.name);
        return JSON.stringify(a) === JSON.stringify(b) ? b : false;
      },
      { timeoutMs: 60_000, intervalMs: 200, what: 'the test namespace to settle' },
    );
    const web = await apps.readNamespacedDeployment({ name: 'web', namespace: ns.name });
    rv = web.metadata?.resourceVersion as string;
    const { status: _status, ...spec } = JSON.parse(
      await kubectl(['-n', ns.name, 'get', 'deployment/web', '-o', 'json']),
    ) as Record<string, unknown>;
    webYaml = yamlOf(spec);
    const versionOf = async (what: string) =>
      (await kubectl(['-n', ns.name, 'get', what, '-o', 'jsonpath={.metadata.resourceVersion}'])).trim();
    cmRv = await versionOf('configmap/settings');
    secretRv = await versionOf('secret/creds');

    bff = await startBff();
    tokenBff = await startBff({ env: { WHEELHOUSE_MODE: 'token' } });
    headers = await mutationHeaders(bff.url);
    tokenHeaders = await mutationHeaders(tokenBff.url);
    socket = await connect(bff.url);
    const history = await fetch(`${bff.url}/api/deployments/${ns.name}/web/history`);
    actionsMounted = history.status === 200;
  });

  afterAll(async () => {
    socket?.close();
    await bff?.app.close();
    await tokenBff?.app.close();
    await ns?.cleanup();
  });

  const subscribe = (payload: unknown): (() => Promise<Outcome>) => {
    return async () => ({
      kind: 'ack',
      ack: await socket.timeout(10_000).emitWithAck('subscribe', payload as never),
    });
  };
  const get =
    (path: string, extra: Record<string, string> = {}) =>
    async (): Promise<Outcome> => ({
      kind: 'http',
      reply: await raw(bff.url, 'GET', path, { headers: extra }),
    });
  /** A mutation with good Origin + CSRF unless `extra` overrides them. */
  const send =
    (method: string, path: string, body: unknown, extra: Record<string, string> = {}, base?: () => string) =>
    async (): Promise<Outcome> => {
      const url = base?.() ?? bff.url;
      const h = url === bff.url ? headers : tokenHeaders;
      const payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
      const merged: Record<string, string> = { ...h, ...extra };
      for (const [k, v] of Object.entries(merged)) if (v === '') delete merged[k];
      return { kind: 'http', reply: await raw(url, method, path, { headers: merged, body: payload }) };
    };
  const handshake = (extra: Record<string, string>) => async (): Promise<Outcome> => {
    // The websocket handshake as a browser sends it.
    const reply = await raw(bff.url, 'GET', '/api/socket/?EIO=4&transport=websocket', {
      headers: {
        Origin: bff.url,
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...extra,
      },
    });
    return { kind: 'handshake', refused: reply.status >= 400, message: reply.text, reply };
  };

  const N = () => ns.name;
  const scalePath = () => `/api/deployments/${N()}/web/scale`;

  const cases: Case[] = [
    // ── label selectors (socket subscribe) ───────────────────────────────────────────────────
    ...[
      ['an unbalanced set', 'app in (web'],
      ['a doubled operator', 'app == = web'],
      ['a leading comma', ',app=web'],
      ['an empty requirement', 'app=web,,tier=db'],
      ['a bare operator', '='],
      ['a double negation', '!!app'],
      ['a set without parentheses', 'app in web'],
      ['a space inside a value', 'app=we b'],
      ['a 64-character label name', `${long(64)}=x`],
      ['a 64-character value', `app=${long(64)}`],
      ['an invalid DNS prefix', 'Bad_Prefix!/app=web'],
      ['a NUL byte', 'app=web\u0000'],
      ['non-ASCII letters', 'äpp=wëb'],
      [
        'a selector longer than 4096 characters',
        `app in (${Array.from({ length: 1200 }, (_, i) => `v${i}`).join(',')})`,
      ],
      ['a shell command smuggled in', 'app=web;rm -rf /'],
    ].map(
      ([what, selector]): Case => ({
        name: `400 BadRequest ← subscribe with a label selector with ${what}`,
        code: 400,
        reason: 'BadRequest',
        run: async () => subscribe({ kind: 'pods', namespace: N(), labelSelector: selector })(),
      }),
    ),
    {
      name: '400 BadRequest ← subscribe with a label selector that is a number',
      code: 400,
      reason: 'BadRequest',
      run: async () => subscribe({ kind: 'pods', namespace: N(), labelSelector: 42 })(),
    },
    // ── subscribe payloads ───────────────────────────────────────────────────────────────────
    {
      name: '400 BadRequest ← subscribe to an unknown kind',
      code: 400,
      reason: 'BadRequest',
      run: async () => subscribe({ kind: 'widgets', namespace: N() })(),
    },
    {
      name: '400 BadRequest ← subscribe with a path-traversal namespace "../kube-system"',
      code: 400,
      reason: 'BadRequest',
      run: subscribe({ kind: 'secrets', namespace: '../kube-system' }),
    },
    {
      name: '400 BadRequest ← subscribe with an encoded traversal namespace "..%2Fkube-system"',
      code: 400,
      reason: 'BadRequest',
      run: subscribe({ kind: 'secrets', namespace: '..%2Fkube-system' }),
    },
    {
      name: '400 BadRequest ← subscribe with an upper-case namespace',
      code: 400,
      reason: 'BadRequest',
      run: subscribe({ kind: 'pods', namespace: 'KUBE-SYSTEM' }),
    },
    {
      name: '400 BadRequest ← subscribe to a cluster-scoped kind with a namespace',
      code: 400,
      reason: 'BadRequest',
      run: subscribe({ kind: 'nodes', namespace: 'default' }),
    },
    {
      name: '400 BadRequest ← subscribe with an unknown field',
      code: 400,
      reason: 'BadRequest',
      run: async () => subscribe({ kind: 'pods', namespace: N(), fieldSelector: 'spec.nodeName=x' })(),
    },
    {
      name: '400 BadRequest ← subscribe with a string instead of an object',
      code: 400,
      reason: 'BadRequest',
      run: subscribe('pods'),
    },
    {
      name: '400 BadRequest ← subscribe with a prototype-polluting payload',
      code: 400,
      reason: 'BadRequest',
      run: async () =>
        subscribe(JSON.parse(`{"kind":"pods","namespace":"${N()}","__proto__":{"admin":true}}`))(),
    },
    // ── the socket handshake ─────────────────────────────────────────────────────────────────
    // engine.io answers a refused websocket handshake itself: 400, text/html, the reason as the body
    // (not the one JSON error body: allowRequest cannot shape it).
    {
      name: '400 "origin not allowed" ← socket handshake from a foreign Origin',
      code: 400,
      reason: 'origin not allowed',
      run: handshake({ Origin: 'http://evil.example' }),
    },
    {
      name: '400 "origin not allowed" ← socket handshake without an Origin',
      code: 400,
      reason: 'origin not allowed',
      run: handshake({ Origin: '' }),
    },
    {
      name: '400 "host not allowed" ← socket handshake with a rebinding Host',
      code: 400,
      reason: 'host not allowed',
      run: handshake({ Host: 'evil.example', Origin: 'http://evil.example' }),
    },
    {
      name: '400 "origin not allowed" ← socket handshake from a sibling port on 127.0.0.1',
      code: 400,
      reason: 'origin not allowed',
      run: handshake({ Origin: 'http://127.0.0.1:1' }),
    },
    // ── names, namespaces and kinds in REST paths ────────────────────────────────────────────
    {
      name: '400 BadRequest ← GET an object in namespace ".." (encoded dots)',
      code: 400,
      reason: 'BadRequest',
      run: get('/api/secrets/%2e%2e/creds'),
    },
    {
      name: '400 BadRequest ← GET with an encoded-slash traversal namespace "..%2Fkube-system"',
      code: 400,
      reason: 'BadRequest',
      run: get('/api/secrets/..%2Fkube-system/creds'),
    },
    {
      name: '400 BadRequest ← GET with a double-encoded traversal name',
      code: 400,
      reason: 'BadRequest',
      run: async () => get(`/api/secrets/${N()}/..%252F..%252Fnodes`)(),
    },
    {
      name: '400 BadRequest ← GET a name with an upper-case letter and an underscore',
      code: 400,
      reason: 'BadRequest',
      run: async () => get(`/api/configmaps/${N()}/Bad_Name`)(),
    },
    {
      name: '400 BadRequest ← GET a 254-character name',
      code: 400,
      reason: 'BadRequest',
      run: async () => get(`/api/configmaps/${N()}/${long(254)}`)(),
    },
    {
      name: '400 BadRequest ← GET a name with an encoded NUL byte',
      code: 400,
      reason: 'BadRequest',
      run: async () => get(`/api/configmaps/${N()}/settings%00`)(),
    },
    {
      name: '400 BadRequest ← GET a name starting with a dash',
      code: 400,
      reason: 'BadRequest',
      run: async () => get(`/api/configmaps/${N()}/-settings`)(),
    },
    {
      name: '400 BadRequest ← GET with a 64-character namespace',
      code: 400,
      reason: 'BadRequest',
      run: get(`/api/configmaps/${long(64)}/settings`),
    },
    {
      name: '400 BadRequest ← GET an unknown kind',
      code: 400,
      reason: 'BadRequest',
      run: async () => get(`/api/widgets/${N()}/web`)(),
    },
    {
      name: '400 BadRequest ← GET a cluster-scoped kind under a namespace',
      code: 400,
      reason: 'BadRequest',
      run: get('/api/nodes/default/kwok-node-0'),
    },
    {
      name: '400 BadRequest ← GET events of an unknown kind',
      code: 400,
      reason: 'BadRequest',
      run: async () => get(`/api/events/widgets/${N()}/web`)(),
    },
    {
      name: '400 BadRequest ← GET with a 300-character context',
      code: 400,
      reason: 'BadRequest',
      run: get(`/api/namespaces?context=${long(300)}`),
    },
    {
      name: '404 NotFound ← GET a context that does not exist',
      code: 404,
      run: get('/api/namespaces?context=no-such-context'),
    },
    {
      name: '404 NotFound ← GET a generic apiserver proxy path',
      code: 404,
      reason: 'NotFound',
      run: get('/api/proxy/api/v1/namespaces/kube-system/secrets'),
    },
    {
      name: '404 NotFound ← GET an object that does not exist',
      code: 404,
      reason: 'NotFound',
      source: 'apiserver',
      run: async () => get(`/api/configmaps/${N()}/nope`)(),
    },
    // ── verbs and methods ────────────────────────────────────────────────────────────────────
    {
      name: '404 NotFound ← DELETE an object (no such verb)',
      code: 404,
      reason: 'NotFound',
      run: async () => send('DELETE', `/api/configmaps/${N()}/settings`, '')(),
    },
    {
      name: '404 NotFound ← PUT an object (no such verb)',
      code: 404,
      reason: 'NotFound',
      run: async () => send('PUT', `/api/configmaps/${N()}/settings`, { data: { mode: 'chaos' } })(),
    },
    {
      name: '404 NotFound ← PATCH an object (no such verb)',
      code: 404,
      reason: 'NotFound',
      run: async () => send('PATCH', `/api/configmaps/${N()}/settings`, { data: { mode: 'chaos' } })(),
    },
    {
      name: '404 NotFound ← POST an unknown deployment verb "delete"',
      code: 404,
      reason: 'NotFound',
      run: async () => send('POST', `/api/deployments/${N()}/web/delete`, { resourceVersion: rv })(),
    },
    // ── Host, Origin, CSRF ───────────────────────────────────────────────────────────────────
    {
      name: '421 MisdirectedRequest ← GET with a DNS-rebinding Host',
      code: 421,
      reason: 'MisdirectedRequest',
      run: get('/api/namespaces', { Host: 'evil.example' }),
    },
    {
      name: '421 MisdirectedRequest ← GET with a Host that only starts like localhost',
      code: 421,
      reason: 'MisdirectedRequest',
      run: get('/api/namespaces', { Host: 'localhost.evil.example' }),
    },
    {
      name: '403 Forbidden ← reveal a Secret without an Origin',
      code: 403,
      reason: 'Forbidden',
      run: async () =>
        send('POST', `/api/secrets/${N()}/creds/reveal`, { key: 'password' }, { Origin: '' })(),
    },
    {
      name: '403 Forbidden ← reveal a Secret from a foreign Origin',
      code: 403,
      reason: 'Forbidden',
      run: async () =>
        send(
          'POST',
          `/api/secrets/${N()}/creds/reveal`,
          { key: 'password' },
          { Origin: 'http://evil.example' },
        )(),
    },
    {
      name: '403 Forbidden ← reveal a Secret from Origin "null"',
      code: 403,
      reason: 'Forbidden',
      run: async () =>
        send('POST', `/api/secrets/${N()}/creds/reveal`, { key: 'password' }, { Origin: 'null' })(),
    },
    {
      name: '403 Forbidden ← scale from another local port (a different origin)',
      code: 403,
      reason: 'Forbidden',
      run: async () =>
        send('POST', scalePath(), { replicas: 3, resourceVersion: rv }, { Origin: 'http://127.0.0.1:1' })(),
    },
    {
      name: '403 Forbidden ← scale without a CSRF token',
      code: 403,
      reason: 'Forbidden',
      run: async () =>
        send('POST', scalePath(), { replicas: 3, resourceVersion: rv }, { 'x-wheelhouse-csrf': '' })(),
    },
    {
      name: '403 Forbidden ← scale with a forged CSRF token of the right length',
      code: 403,
      reason: 'Forbidden',
      run: async () =>
        send(
          'POST',
          scalePath(),
          { replicas: 3, resourceVersion: rv },
          { 'x-wheelhouse-csrf': long(43, 'A') },
        )(),
    },
    {
      name: '403 Forbidden ← scale with a CSRF token one character short',
      code: 403,
      reason: 'Forbidden',
      run: async () =>
        send(
          'POST',
          scalePath(),
          { replicas: 3, resourceVersion: rv },
          { 'x-wheelhouse-csrf': headers['x-wheelhouse-csrf']?.slice(1) ?? 'x' },
        )(),
    },
    {
      name: "403 Forbidden ← scale with the token-mode server's CSRF token",
      code: 403,
      reason: 'Forbidden',
      run: async () =>
        send(
          'POST',
          scalePath(),
          { replicas: 3, resourceVersion: rv },
          { 'x-wheelhouse-csrf': tokenHeaders['x-wheelhouse-csrf'] ?? 'x' },
        )(),
    },
    // ── bodies ───────────────────────────────────────────────────────────────────────────────
    {
      name: '400 BadRequest ← reveal with a body that is not JSON',
      code: 400,
      reason: 'BadRequest',
      run: async () => send('POST', `/api/secrets/${N()}/creds/reveal`, '{"key": "password"')(),
    },
    {
      name: '400 BadRequest ← reveal with JSON followed by garbage',
      code: 400,
      reason: 'BadRequest',
      run: async () => send('POST', `/api/secrets/${N()}/creds/reveal`, '{"key":"password"} trailing')(),
    },
    {
      name: '400 BadRequest ← reveal with a top-level JSON string (strict JSON)',
      code: 400,
      reason: 'BadRequest',
      run: async () => send('POST', `/api/secrets/${N()}/creds/reveal`, '"password"')(),
    },
    {
      name: '400 BadRequest ← reveal with a body sent as text/plain',
      code: 400,
      reason: 'BadRequest',
      run: async () =>
        send('POST', `/api/secrets/${N()}/creds/reveal`, '{"key":"password"}', {
          'Content-Type': 'text/plain',
        })(),
    },
    {
      name: '400 BadRequest ← reveal a Secret key with a path in it',
      code: 400,
      reason: 'BadRequest',
      run: async () => send('POST', `/api/secrets/${N()}/creds/reveal`, { key: '../../etc/passwd' })(),
    },
    {
      name: '400 BadRequest ← reveal with an extra field',
      code: 400,
      reason: 'BadRequest',
      run: async () => send('POST', `/api/secrets/${N()}/creds/reveal`, { key: 'password', all: true })(),
    },
    {
      name: '400 BadRequest ← reveal with a 2000-deep nested body',
      code: 400,
      reason: 'BadRequest',
      run: async () =>
        send('POST', `/api/secrets/${N()}/creds/reveal`, `${'{"key":'.repeat(2000)}"x"${'}'.repeat(2000)}`)(),
    },
    // A 60,000-deep array is 120 KB: under the body limit, deeper than any recursion should go.
    {
      name: '400 BadRequest ← scale with a 60,000-deep nested JSON array as the body',
      code: 400,
      reason: 'BadRequest',
      run: async () => send('POST', scalePath(), `${'['.repeat(60_000)}${']'.repeat(60_000)}`)(),
    },
    {
      name: '400 BadRequest ← reveal with a 60,000-deep nested JSON array as the key',
      code: 400,
      reason: 'BadRequest',
      run: async () =>
        send(
          'POST',
          `/api/secrets/${N()}/creds/reveal`,
          `{"key":${'['.repeat(60_000)}${']'.repeat(60_000)}}`,
        )(),
    },
    // Names of Object.prototype's properties are not keys of a Secret that lacks them.
    ...['toString', 'valueOf', 'constructor', '__proto__', 'hasOwnProperty'].map(
      (key): Case => ({
        name: `404 NotFound ← reveal key "${key}" of a Secret that has no such key`,
        code: 404,
        reason: 'NotFound',
        run: async () => send('POST', `/api/secrets/${N()}/creds/reveal`, { key })(),
      }),
    ),
    {
      name: '413 PayloadTooLarge ← reveal with a 300 KB body',
      code: 413,
      run: async () =>
        send('POST', `/api/secrets/${N()}/creds/reveal`, { key: 'password', pad: long(300 * 1024) })(),
    },
    {
      name: '413 PayloadTooLarge ← scale with a 5 MB body',
      code: 413,
      run: async () => send('POST', scalePath(), { replicas: 3, resourceVersion: rv, pad: long(5 << 20) })(),
    },
    {
      name: '404 NotFound ← reveal a key the Secret does not have',
      code: 404,
      reason: 'NotFound',
      run: async () => send('POST', `/api/secrets/${N()}/creds/reveal`, { key: 'nope' })(),
    },
    {
      name: '400 BadRequest ← log in on a server that is not in token mode',
      code: 400,
      reason: 'BadRequest',
      run: async () => send('POST', '/api/login', { token: 'anything' })(),
    },
    // ── deployment actions (apps/bff/src/http/actions.ts) ────────────────────────────────────
    {
      name: '409 Conflict ← scale with a stale resourceVersion',
      code: 409,
      reason: 'Conflict',
      source: 'apiserver',
      actions: true,
      run: async () => send('POST', scalePath(), { replicas: 3, resourceVersion: '1' })(),
    },
    {
      name: '409 Conflict ← restart with a stale resourceVersion',
      code: 409,
      reason: 'Conflict',
      actions: true,
      run: async () => send('POST', `/api/deployments/${N()}/web/restart`, { resourceVersion: '1' })(),
    },
    {
      name: '409 Conflict ← pause with a stale resourceVersion',
      code: 409,
      reason: 'Conflict',
      actions: true,
      run: async () => send('POST', `/api/deployments/${N()}/web/pause`, { resourceVersion: '1' })(),
    },
    {
      name: '409 Conflict ← set image with a stale resourceVersion',
      code: 409,
      reason: 'Conflict',
      actions: true,
      run: async () =>
        send('POST', `/api/deployments/${N()}/web/image`, {
          container: 'web',
          image: 'registry.invalid/web:2',
          resourceVersion: '1',
        })(),
    },
    {
      name: '409 Conflict ← set image as a dry run with a stale resourceVersion',
      code: 409,
      reason: 'Conflict',
      actions: true,
      run: async () =>
        send('POST', `/api/deployments/${N()}/web/image`, {
          container: 'web',
          image: 'registry.invalid/web:2',
          resourceVersion: '1',
          dryRun: true,
        })(),
    },
    {
      name: '404 NotFound ← undo a deployment that has no previous revision',
      code: 404,
      actions: true,
      run: async () => send('POST', `/api/deployments/${N()}/web/undo`, { resourceVersion: rv })(),
    },
    ...(
      [
        ['negative replicas', { replicas: -1 }],
        ['fractional replicas', { replicas: 1.5 }],
        ['replicas as a string', { replicas: '3' }],
        ['replicas beyond int32', { replicas: 2 ** 31 }],
        ['replicas as NaN-ish null', { replicas: null }],
        ['no resourceVersion', { replicas: 3, resourceVersion: undefined }],
        ['an empty resourceVersion', { replicas: 3, resourceVersion: '' }],
        ['a 65-character resourceVersion', { replicas: 3, resourceVersion: long(65, '9') }],
      ] as Array<[string, Record<string, unknown>]>
    ).map(
      ([what, body]): Case => ({
        name: `400 BadRequest ← scale with ${what}`,
        code: 400,
        reason: 'BadRequest',
        actions: true,
        run: async () => send('POST', scalePath(), { resourceVersion: rv, ...body })(),
      }),
    ),
    {
      name: '400 BadRequest ← scale a deployment named with a traversal',
      code: 400,
      reason: 'BadRequest',
      actions: true,
      run: async () =>
        send('POST', `/api/deployments/${N()}/..%2F..%2Fkube-system/scale`, {
          replicas: 0,
          resourceVersion: rv,
        })(),
    },
    {
      name: '400 BadRequest ← scale in a traversal namespace',
      code: 400,
      reason: 'BadRequest',
      actions: true,
      run: async () =>
        send('POST', '/api/deployments/%2e%2e/coredns/scale', { replicas: 0, resourceVersion: rv })(),
    },
    {
      name: '404 NotFound ← scale a deployment that does not exist',
      code: 404,
      reason: 'NotFound',
      actions: true,
      run: async () =>
        send('POST', `/api/deployments/${N()}/ghost/scale`, { replicas: 1, resourceVersion: rv })(),
    },
    {
      name: '400 BadRequest ← set an image reference with a space and a newline',
      code: 400,
      reason: 'BadRequest',
      actions: true,
      run: async () =>
        send('POST', `/api/deployments/${N()}/web/image`, {
          container: 'web',
          image: 'registry.invalid/web:2 \n--privileged',
          resourceVersion: rv,
        })(),
    },
    {
      name: '400 BadRequest ← set the image of a container the deployment does not have',
      code: 400,
      reason: 'BadRequest',
      actions: true,
      run: async () =>
        send('POST', `/api/deployments/${N()}/web/image`, {
          container: 'sidecar',
          image: 'registry.invalid/web:2',
          resourceVersion: rv,
        })(),
    },
    {
      name: '400 BadRequest ← permissions with a malformed check',
      code: 400,
      reason: 'BadRequest',
      actions: true,
      run: async () => get(`/api/permissions?namespace=${N()}&checks=delete:../../nodes`)(),
    },
    ...['constructor', '__proto__', 'toString'].map(
      (resource): Case => ({
        name: `400 BadRequest ← permissions for "get:${resource}" (a property of every object, not a resource)`,
        code: 400,
        reason: 'BadRequest',
        actions: true,
        run: async () => get(`/api/permissions?namespace=${N()}&checks=get:${resource}`)(),
      }),
    ),
    {
      name: '400 BadRequest ← permissions with an unknown query parameter',
      code: 400,
      reason: 'BadRequest',
      actions: true,
      run: async () => get(`/api/permissions?namespace=${N()}&checks=get:pods&verbose=1`)(),
    },
    {
      name: '400 BadRequest ← permissions with the namespace given twice',
      code: 400,
      reason: 'BadRequest',
      actions: true,
      run: async () => get(`/api/permissions?namespace=${N()}&namespace=default&checks=get:pods`)(),
    },
    // A resourceVersion is the opaque, non-empty string the apiserver handed out. "0" (or "00") is
    // never one, and the apiserver would read it as "no precondition": the write would overwrite
    // blindly. A value the apiserver cannot parse is the client's mistake, not a 500.
    ...(
      [
        ['scale', (rv: string) => ({ replicas: 3, resourceVersion: rv })],
        ['restart', (rv: string) => ({ resourceVersion: rv })],
        ['pause', (rv: string) => ({ resourceVersion: rv })],
        ['resume', (rv: string) => ({ resourceVersion: rv })],
        ['undo', (rv: string) => ({ resourceVersion: rv })],
        [
          'image',
          (rv: string) => ({ container: 'web', image: 'registry.invalid/web:2', resourceVersion: rv }),
        ],
      ] as Array<[string, (rv: string) => Record<string, unknown>]>
    ).flatMap(([action, body]) =>
      ['0', '00', '831x'].map(
        (bad): Case => ({
          name: `400 BadRequest ← ${action} with resourceVersion "${bad}"`,
          code: 400,
          reason: 'BadRequest',
          actions: true,
          run: async () => send('POST', `/api/deployments/${N()}/web/${action}`, body(bad))(),
        }),
      ),
    ),
    {
      name: "400 BadRequest ← scale with a resourceVersion beyond the apiserver's 64-bit range",
      code: 400,
      reason: 'BadRequest',
      actions: true,
      run: async () => send('POST', scalePath(), { replicas: 3, resourceVersion: '99999999999999999999' })(),
    },
    {
      name: '400 BadRequest ← set image as a dry run with resourceVersion "0"',
      code: 400,
      reason: 'BadRequest',
      actions: true,
      run: async () =>
        send('POST', `/api/deployments/${N()}/web/image`, {
          container: 'web',
          image: 'registry.invalid/web:2',
          resourceVersion: '0',
          dryRun: true,
        })(),
    },
    // ── the write routes (http/object-writes.ts, apply.ts, data-keys.ts) ─────────────────────
    ...(
      [
        [
          'a YAML syntax error',
          () => webYaml.replace('spec:', 'spec: [\n'),
          /^invalid YAML at line \d+, column \d+/,
        ],
        ['two documents', () => `${webYaml}---\n${webYaml}`, /holds 2 documents/],
        ['another kind', () => webYaml.replace('kind: Deployment', 'kind: DaemonSet'), /kind is "DaemonSet"/],
        [
          'another name (a rename)',
          () => webYaml.replace(/name: web\n/, 'name: web2\n'),
          /renaming is not editing/,
        ],
        [
          'another namespace',
          () => webYaml.replace(`namespace: ${N()}`, 'namespace: kube-system'),
          /cannot move/,
        ],
        [
          'a number kubectl reads as octal',
          () => webYaml.replace(/replicas: 1\n/, 'replicas: 01\n'),
          /leading zero/,
        ],
        [
          'a duplicate key',
          () => webYaml.replace(/replicas: 1\n/, 'replicas: 1\n  replicas: 2\n'),
          /duplicate key "replicas"/,
        ],
        ['a list instead of an object', () => '- a\n- b\n', /must be one object/],
        ['only a comment', () => '# nothing\n', /holds no document/],
        [
          'flow collections nested 100 deep',
          () => `a: ${'['.repeat(100)}${']'.repeat(100)}\n`,
          /deeper than 64 levels/,
        ],
        ['more than 200,000 tokens', () => `a: [${'1,'.repeat(200_001)}]\n`, /too complex/],
      ] as Array<[string, () => string, RegExp]>
    ).map(
      ([what, yaml, message]): Case => ({
        name: `400 BadRequest ← edit a Deployment with YAML holding ${what}`,
        code: 400,
        reason: 'BadRequest',
        source: 'bff',
        message,
        run: async () =>
          send('PUT', `/api/objects/deployments/${N()}/web`, {
            yaml: yaml(),
            resourceVersion: rv,
            dryRun: false,
          })(),
      }),
    ),
    {
      name: '400 BadRequest ← edit a Deployment with an unknown field (strict field validation, not a dry run)',
      code: 400,
      reason: 'BadRequest',
      source: 'apiserver',
      message: /unknown field "spec.replicaz"/,
      run: async () =>
        send('PUT', `/api/objects/deployments/${N()}/web`, {
          yaml: webYaml.replace(/replicas: 1\n/, 'replicas: 1\n  replicaz: 9\n'),
          resourceVersion: rv,
          dryRun: false,
        })(),
    },
    {
      name: "422 Invalid ← edit a Deployment's immutable selector",
      code: 422,
      reason: 'Invalid',
      source: 'apiserver',
      message: /field is immutable/,
      run: async () =>
        send('PUT', `/api/objects/deployments/${N()}/web`, {
          yaml: webYaml.replaceAll('app: web', 'app: web2'),
          resourceVersion: rv,
          dryRun: false,
        })(),
    },
    {
      name: '409 Conflict ← edit a Deployment with a stale resourceVersion',
      code: 409,
      reason: 'Conflict',
      source: 'apiserver',
      run: async () =>
        send('PUT', `/api/objects/deployments/${N()}/web`, {
          yaml: webYaml,
          resourceVersion: '1',
          dryRun: false,
        })(),
    },
    {
      name: '409 Conflict ← delete a ConfigMap with a stale resourceVersion',
      code: 409,
      reason: 'Conflict',
      source: 'apiserver',
      run: async () => send('DELETE', `/api/objects/configmaps/${N()}/settings`, { resourceVersion: '1' })(),
    },
    {
      name: '409 Conflict ← set a Secret key with a stale resourceVersion',
      code: 409,
      reason: 'Conflict',
      run: async () =>
        send('PATCH', `/api/objects/secrets/${N()}/creds/keys`, {
          resourceVersion: '1',
          changes: [{ op: 'set', key: 'password', text: 'x' }],
          dryRun: false,
        })(),
    },
    ...(
      [
        [
          'edit',
          'PUT',
          '/api/objects/deployments/NS/web',
          () => ({ yaml: webYaml, resourceVersion: rv, dryRun: false }),
        ],
        [
          'create from YAML',
          'POST',
          '/api/objects/apply',
          () => ({ yaml: 'kind: ConfigMap\n', namespace: N(), dryRun: false }),
        ],
        ['delete', 'DELETE', '/api/objects/configmaps/NS/settings', () => ({ resourceVersion: cmRv })],
        [
          'a key edit',
          'PATCH',
          '/api/objects/secrets/NS/creds/keys',
          () => ({ resourceVersion: secretRv, changes: [{ op: 'remove', key: 'password' }], dryRun: false }),
        ],
      ] as Array<[string, string, string, () => object]>
    ).flatMap(([what, method, path, body]): Case[] => [
      {
        name: `403 Forbidden ← ${what} from a foreign Origin`,
        code: 403,
        reason: 'Forbidden',
        message: /origin "http:\/\/evil.example" may not change anything/,
        run: async () => send(method, path.replace('NS', N()), body(), { Origin: 'http://evil.example' })(),
      },
      {
        name: `403 Forbidden ← ${what} without a CSRF token`,
        code: 403,
        reason: 'Forbidden',
        message: /CSRF token/,
        run: async () => send(method, path.replace('NS', N()), body(), { 'x-wheelhouse-csrf': '' })(),
      },
      {
        name: `401 Unauthorized ← token mode: ${what} without a login`,
        code: 401,
        reason: 'Unauthorized',
        run: async () => send(method, path.replace('NS', N()), body(), {}, () => tokenBff.url)(),
      },
    ]),
    ...(
      [
        ['a kind Wheelhouse does not write', 'PUT', '/api/objects/namespaces/NS/web', 'kind'],
        ['an upper-case namespace', 'PUT', '/api/objects/deployments/KUBE-SYSTEM/web', 'namespace'],
        ['an encoded traversal name', 'PUT', '/api/objects/deployments/NS/..%2F..%2Fnodes', 'name'],
        ['a 254-character name', 'DELETE', `/api/objects/configmaps/NS/${long(254)}`, 'name'],
        ['a name with an underscore', 'PATCH', '/api/objects/configmaps/NS/Bad_Name/keys', 'name'],
      ] as Array<[string, string, string, string]>
    ).map(
      ([what, method, path, field]): Case => ({
        name: `400 BadRequest ← a write route with ${what}`,
        code: 400,
        reason: 'BadRequest',
        run: async () => {
          const body =
            method === 'PUT'
              ? { yaml: webYaml, resourceVersion: rv, dryRun: true }
              : method === 'DELETE'
                ? { resourceVersion: cmRv }
                : { resourceVersion: cmRv, changes: [{ op: 'remove', key: 'mode' }], dryRun: true };
          const outcome = await send(method, path.replace('NS', N()), body)();
          if (outcome.kind === 'http') expect(JSON.parse(outcome.reply.text).error.field).toBe(field);
          return outcome;
        },
      }),
    ),
    {
      name: "400 BadRequest ← edit with a YAML of more than 1 MiB (under the write routes' body limit)",
      code: 400,
      reason: 'BadRequest',
      message: /larger than 1 MiB/,
      run: async () =>
        send('PUT', `/api/objects/deployments/${N()}/web`, {
          yaml: `${webYaml}#${long(1_048_576)}\n`,
          resourceVersion: rv,
          dryRun: false,
        })(),
    },
    {
      name: '413 PayloadTooLarge ← create from YAML with a 3 MB body',
      code: 413,
      run: async () =>
        send('POST', '/api/objects/apply', { yaml: long(3_000_000), namespace: N(), dryRun: false })(),
    },
    {
      name: '400 BadRequest ← create from YAML with more than 100 documents',
      code: 400,
      reason: 'BadRequest',
      message: /at most 100 at once/,
      run: async () =>
        send('POST', '/api/objects/apply', {
          yaml: Array.from(
            { length: 101 },
            (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c${i} }\n`,
          ).join('---\n'),
          namespace: N(),
          dryRun: false,
        })(),
    },
    {
      name: '400 BadRequest ← create from YAML into an invalid default namespace',
      code: 400,
      reason: 'BadRequest',
      run: async () =>
        send('POST', '/api/objects/apply', {
          yaml: 'kind: ConfigMap\n',
          namespace: '../kube-system',
          dryRun: false,
        })(),
    },
    {
      name: '400 BadRequest ← edit naming one context in the query and another in the body',
      code: 400,
      reason: 'BadRequest',
      message: /context in the query and in the body differ/,
      run: async () =>
        send('PUT', `/api/objects/deployments/${N()}/web?context=a`, {
          yaml: webYaml,
          resourceVersion: rv,
          dryRun: true,
          context: 'b',
        })(),
    },
    ...(
      [
        ['no body', undefined],
        ['resourceVersion "0" (no precondition)', { resourceVersion: '0' }],
        ['an unknown propagationPolicy', { resourceVersion: '1', propagationPolicy: 'Everything' }],
        ['gracePeriodSeconds (not offered)', { resourceVersion: '1', gracePeriodSeconds: 0 }],
      ] as Array<[string, unknown]>
    ).map(
      ([what, body]): Case => ({
        name: `400 BadRequest ← delete with ${what}`,
        code: 400,
        reason: 'BadRequest',
        run: async () =>
          send('DELETE', `/api/objects/configmaps/${N()}/settings`, body === undefined ? '' : body)(),
      }),
    ),
    ...(
      [
        ['a key with a path in it', [{ op: 'set', key: '../../etc/passwd', text: 'x' }]],
        ['a key ".."', [{ op: 'remove', key: '..' }]],
        ['a value that is not base64', [{ op: 'set', key: 'password', base64: '%%%' }]],
        ['both text and base64', [{ op: 'set', key: 'password', text: 'a', base64: 'YQ==' }]],
        ['no change at all', []],
        ['an unknown op', [{ op: 'chmod', key: 'password' }]],
        ['a rename onto a key that exists', [{ op: 'rename', from: 'password', to: 'password' }]],
        ['removing a key it does not have', [{ op: 'remove', key: 'toString' }]],
      ] as Array<[string, unknown[]]>
    ).map(
      ([what, changes]): Case => ({
        name: `400 BadRequest ← Secret key edit with ${what}`,
        code: 400,
        reason: 'BadRequest',
        run: async () =>
          send('PATCH', `/api/objects/secrets/${N()}/creds/keys`, {
            resourceVersion: secretRv,
            changes,
            dryRun: false,
          })(),
      }),
    ),
    {
      name: '400 BadRequest ← key edit of a Deployment (only ConfigMaps and Secrets have keys)',
      code: 400,
      reason: 'BadRequest',
      message: /only configmaps and secrets have keys/,
      run: async () =>
        send('PATCH', `/api/objects/deployments/${N()}/web/keys`, {
          resourceVersion: rv,
          changes: [{ op: 'remove', key: 'replicas' }],
          dryRun: false,
        })(),
    },
    {
      name: '400 BadRequest ← edit a Secret with a placeholder for a key it does not have',
      code: 400,
      reason: 'BadRequest',
      message: /has no key "ghost" to keep/,
      run: async () =>
        send('PUT', `/api/objects/secrets/${N()}/creds`, {
          yaml: `apiVersion: v1\nkind: Secret\nmetadata: { name: creds }\ndata: { ghost: "<hidden: reveal the key to see it>" }\n`,
          resourceVersion: secretRv,
          dryRun: false,
        })(),
    },
    // ── token mode: bearer tokens ────────────────────────────────────────────────────────────
    {
      name: '401 Unauthorized ← token mode: GET without a login',
      code: 401,
      reason: 'Unauthorized',
      message: /log in with a Kubernetes bearer token first/,
      run: async () => ({ kind: 'http', reply: await raw(tokenBff.url, 'GET', '/api/namespaces') }),
    },
    {
      // The cookie the server reads (TOKEN_COOKIE), with a token it never accepted: read, and refused
      // as an unknown session (not as a missing login, which would mean the cookie was never read).
      name: '401 Unauthorized ← token mode: GET with a forged token cookie',
      code: 401,
      reason: 'Unauthorized',
      message: /session has expired/,
      run: async () => ({
        kind: 'http',
        reply: await raw(tokenBff.url, 'GET', '/api/namespaces', {
          headers: { Cookie: `${TOKEN_COOKIE}=forged.token.value` },
        }),
      }),
    },
    {
      name: '401 Unauthorized ← token mode: GET with an Authorization header instead of a login',
      code: 401,
      reason: 'Unauthorized',
      run: async () => ({
        kind: 'http',
        reply: await raw(tokenBff.url, 'GET', '/api/namespaces', {
          headers: { Authorization: 'Bearer garbage' },
        }),
      }),
    },
    {
      name: '401 Unauthorized ← token mode: log in with a garbage token',
      code: 401,
      reason: 'Unauthorized',
      source: 'apiserver',
      run: async () => send('POST', '/api/login', { token: 'garbage' }, {}, () => tokenBff.url)(),
    },
    {
      name: '401 Unauthorized ← token mode: log in with an expired, unsigned JWT',
      code: 401,
      reason: 'Unauthorized',
      run: async () => {
        const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
        const jwt = `${b64({ alg: 'RS256', kid: 'x' })}.${b64({
          iss: 'https://kubernetes.default.svc.cluster.local',
          sub: 'system:serviceaccount:kube-system:default',
          aud: ['https://kubernetes.default.svc.cluster.local'],
          exp: 1_000_000_000,
          iat: 999_999_000,
        })}.${b64('sig')}`;
        return send('POST', '/api/login', { token: jwt }, {}, () => tokenBff.url)();
      },
    },
    {
      name: '400 BadRequest ← token mode: log in with an empty token',
      code: 400,
      reason: 'BadRequest',
      run: async () => send('POST', '/api/login', { token: '' }, {}, () => tokenBff.url)(),
    },
    {
      name: '400 BadRequest ← token mode: log in with a 20 KB token',
      code: 400,
      reason: 'BadRequest',
      run: async () => send('POST', '/api/login', { token: long(20_000) }, {}, () => tokenBff.url)(),
    },
    {
      name: '400 BadRequest ← token mode: log in with a token carrying a header injection',
      code: 400,
      reason: 'BadRequest',
      run: async () =>
        send('POST', '/api/login', { token: 'abc\r\nX-Injected: 1' }, {}, () => tokenBff.url)(),
    },
    {
      name: '401 Unauthorized ← token mode: subscribe without a login',
      code: 401,
      reason: 'Unauthorized',
      run: async () => {
        const s = await connect(tokenBff.url);
        try {
          return {
            kind: 'ack',
            ack: await s.timeout(10_000).emitWithAck('subscribe', { kind: 'pods', namespace: N() }),
          };
        } finally {
          s.close();
        }
      },
    },
  ];

  it('has at least 50 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
  });

  for (const c of cases) {
    it(c.name, async () => {
      if (c.actions) expect(actionsMounted, 'the deployment actions are mounted').toBe(true);
      const outcome = await c.run();
      if (outcome.kind === 'http') {
        const { reply } = outcome;
        expect(reply.status, reply.text.slice(0, 300)).toBe(c.code);
        expect(reply.headers['content-type']).toMatch(/^application\/json/);
        expectErrorBody(JSON.parse(reply.text), c.code, c.reason, c.source, c.message);
      } else if (outcome.kind === 'ack') {
        const ack = outcome.ack as { ok: boolean };
        expect(ack.ok, JSON.stringify(ack).slice(0, 300)).toBe(false);
        expectErrorBody(ack, c.code, c.reason, c.source, c.message);
      } else {
        expect(outcome.refused, outcome.message).toBe(true);
        expect(outcome.reply.status).toBe(c.code);
        expect(outcome.reply.headers.upgrade).toBeUndefined();
        if (c.reason) expect(outcome.message).toContain(c.reason);
      }
      // Nothing in the namespace changed.
      const now = await snapshot(ns.name);
      expect(now).toEqual(last);
      last = now;
    });
  }
});
