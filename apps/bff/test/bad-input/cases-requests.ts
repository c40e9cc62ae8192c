import { type Case, long, type Rig } from './harness';

/** Bad-input cases: names, namespaces and kinds in REST paths; verbs; Host, Origin and CSRF; bodies. */
export function requestCases({ state, N, scalePath, get, send }: Rig): Case[] {
  return [
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
      run: async () => send('POST', `/api/deployments/${N()}/web/delete`, { resourceVersion: state.rv })(),
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
    ...(
      [
        ['from another local port (a different origin)', () => ({ Origin: 'http://127.0.0.1:1' })],
        ['without a CSRF token', () => ({ 'x-wheelhouse-csrf': '' })],
        ['with a forged CSRF token of the right length', () => ({ 'x-wheelhouse-csrf': long(43, 'A') })],
        [
          'with a CSRF token one character short',
          () => ({ 'x-wheelhouse-csrf': state.headers['x-wheelhouse-csrf']?.slice(1) ?? 'x' }),
        ],
        [
          "with the token-mode server's CSRF token",
          () => ({ 'x-wheelhouse-csrf': state.tokenHeaders['x-wheelhouse-csrf'] ?? 'x' }),
        ],
      ] as Array<[string, () => Record<string, string>]>
    ).map(
      ([what, headers]): Case => ({
        name: `403 Forbidden ← scale ${what}`,
        code: 403,
        reason: 'Forbidden',
        run: async () => send('POST', scalePath(), { replicas: 3, resourceVersion: state.rv }, headers())(),
      }),
    ),
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
      run: async () =>
        send('POST', scalePath(), { replicas: 3, resourceVersion: state.rv, pad: long(5 << 20) })(),
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
  ];
}
