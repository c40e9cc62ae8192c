import { TOKEN_COOKIE } from '../../src/kube/callers';
import { raw } from '../raw-http';
import { connect } from '../support';
import { type Case, long, type Rig } from './harness';

/** Bad-input cases: token mode: bearer tokens, login and cookies. */
export function tokenCases({ state, N, send }: Rig): Case[] {
  return [
    // ── token mode: bearer tokens ────────────────────────────────────────────────────────────
    {
      name: '401 Unauthorized ← token mode: GET without a login',
      code: 401,
      reason: 'Unauthorized',
      message: /log in with a Kubernetes bearer token first/,
      run: async () => ({ kind: 'http', reply: await raw(state.tokenBff.url, 'GET', '/api/namespaces') }),
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
        reply: await raw(state.tokenBff.url, 'GET', '/api/namespaces', {
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
        reply: await raw(state.tokenBff.url, 'GET', '/api/namespaces', {
          headers: { Authorization: 'Bearer garbage' },
        }),
      }),
    },
    {
      name: '401 Unauthorized ← token mode: log in with a garbage token',
      code: 401,
      reason: 'Unauthorized',
      source: 'apiserver',
      run: async () => send('POST', '/api/login', { token: 'garbage' }, {}, () => state.tokenBff.url)(),
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
        return send('POST', '/api/login', { token: jwt }, {}, () => state.tokenBff.url)();
      },
    },
    {
      name: '400 BadRequest ← token mode: log in with an empty token',
      code: 400,
      reason: 'BadRequest',
      run: async () => send('POST', '/api/login', { token: '' }, {}, () => state.tokenBff.url)(),
    },
    {
      name: '400 BadRequest ← token mode: log in with a 20 KB token',
      code: 400,
      reason: 'BadRequest',
      run: async () => send('POST', '/api/login', { token: long(20_000) }, {}, () => state.tokenBff.url)(),
    },
    {
      name: '400 BadRequest ← token mode: log in with a token carrying a header injection',
      code: 400,
      reason: 'BadRequest',
      run: async () =>
        send('POST', '/api/login', { token: 'abc\r\nX-Injected: 1' }, {}, () => state.tokenBff.url)(),
    },
    {
      name: '401 Unauthorized ← token mode: subscribe without a login',
      code: 401,
      reason: 'Unauthorized',
      run: async () => {
        const s = await connect(state.tokenBff.url);
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
}
