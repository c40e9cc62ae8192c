import { type Case, long, type Rig } from './harness';

/** Bad-input cases: label selectors, subscribe payloads and the socket handshake. */
export function socketCases({ N, subscribe, handshake }: Rig): Case[] {
  return [
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
      name: '400 BadRequest ← subscribe with a shape that is neither "object" nor "row"',
      code: 400,
      reason: 'BadRequest',
      run: async () => subscribe({ kind: 'pods', namespace: N(), shape: 'table' })(),
    },
    {
      name: '400 BadRequest ← subscribe to secrets as rows (rows are for pods only)',
      code: 400,
      reason: 'BadRequest',
      run: async () => subscribe({ kind: 'secrets', namespace: N(), shape: 'row' })(),
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
      name: '400 "origin not allowed" ← state.socket handshake from a foreign Origin',
      code: 400,
      reason: 'origin not allowed',
      run: handshake({ Origin: 'http://evil.example' }),
    },
    {
      name: '400 "origin not allowed" ← state.socket handshake without an Origin',
      code: 400,
      reason: 'origin not allowed',
      run: handshake({ Origin: '' }),
    },
    {
      name: '400 "host not allowed" ← state.socket handshake with a rebinding Host',
      code: 400,
      reason: 'host not allowed',
      run: handshake({ Host: 'evil.example', Origin: 'http://evil.example' }),
    },
    {
      name: '400 "origin not allowed" ← state.socket handshake from a sibling port on 127.0.0.1',
      code: 400,
      reason: 'origin not allowed',
      run: handshake({ Origin: 'http://127.0.0.1:1' }),
    },
  ];
}
