import { type Case, long, type Rig } from './harness';

/** Bad-input cases: the deployment actions (http/deployment-actions.ts). */
export function actionCases({ state, N, scalePath, get, send }: Rig): Case[] {
  return [
    // ── deployment actions (apps/bff/src/http/actions.ts) ────────────────────────────────────
    {
      name: '409 Conflict ← scale with a stale resourceVersion',
      code: 409,
      reason: 'Conflict',
      source: 'apiserver',
      actions: true,
      run: async () => send('POST', scalePath(), { replicas: 3, resourceVersion: '1' })(),
    },
    ...(['restart', 'pause'] as const).map(
      (action): Case => ({
        name: `409 Conflict ← ${action} with a stale resourceVersion`,
        code: 409,
        reason: 'Conflict',
        actions: true,
        run: async () => send('POST', `/api/deployments/${N()}/web/${action}`, { resourceVersion: '1' })(),
      }),
    ),
    ...[false, true].map(
      (dryRun): Case => ({
        name: `409 Conflict ← set image${dryRun ? ' as a dry run' : ''} with a stale resourceVersion`,
        code: 409,
        reason: 'Conflict',
        actions: true,
        run: async () =>
          send('POST', `/api/deployments/${N()}/web/image`, {
            container: 'web',
            image: 'registry.invalid/web:2',
            resourceVersion: '1',
            ...(dryRun ? { dryRun } : {}),
          })(),
      }),
    ),
    {
      name: '404 NotFound ← undo a deployment that has no previous revision',
      code: 404,
      actions: true,
      run: async () => send('POST', `/api/deployments/${N()}/web/undo`, { resourceVersion: state.rv })(),
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
        run: async () => send('POST', scalePath(), { resourceVersion: state.rv, ...body })(),
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
          resourceVersion: state.rv,
        })(),
    },
    {
      name: '400 BadRequest ← scale in a traversal namespace',
      code: 400,
      reason: 'BadRequest',
      actions: true,
      run: async () =>
        send('POST', '/api/deployments/%2e%2e/coredns/scale', { replicas: 0, resourceVersion: state.rv })(),
    },
    {
      name: '404 NotFound ← scale a deployment that does not exist',
      code: 404,
      reason: 'NotFound',
      actions: true,
      run: async () =>
        send('POST', `/api/deployments/${N()}/ghost/scale`, { replicas: 1, resourceVersion: state.rv })(),
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
          resourceVersion: state.rv,
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
          resourceVersion: state.rv,
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
  ];
}
