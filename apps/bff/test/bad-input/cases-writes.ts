import { expect } from 'vitest';
import { type Case, long, type Rig } from './harness';

/** Bad-input cases: the write routes (http/object-writes.ts, apply.ts, data-keys.ts). */
export function writeCases({ state, N, send }: Rig): Case[] {
  return [
    // ── the write routes (http/object-writes.ts, apply.ts, data-keys.ts) ─────────────────────
    ...(
      [
        [
          'a YAML syntax error',
          () => state.webYaml.replace('spec:', 'spec: [\n'),
          /^invalid YAML at line \d+, column \d+/,
        ],
        ['two documents', () => `${state.webYaml}---\n${state.webYaml}`, /holds 2 documents/],
        [
          'another kind',
          () => state.webYaml.replace('kind: Deployment', 'kind: DaemonSet'),
          /kind is "DaemonSet"/,
        ],
        [
          'another name (a rename)',
          () => state.webYaml.replace(/name: web\n/, 'name: web2\n'),
          /renaming is not editing/,
        ],
        [
          'another namespace',
          () => state.webYaml.replace(`namespace: ${N()}`, 'namespace: kube-system'),
          /cannot move/,
        ],
        [
          'a number kubectl reads as octal',
          () => state.webYaml.replace(/replicas: 1\n/, 'replicas: 01\n'),
          /leading zero/,
        ],
        [
          'a duplicate key',
          () => state.webYaml.replace(/replicas: 1\n/, 'replicas: 1\n  replicas: 2\n'),
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
            resourceVersion: state.rv,
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
          yaml: state.webYaml.replace(/replicas: 1\n/, 'replicas: 1\n  replicaz: 9\n'),
          resourceVersion: state.rv,
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
          yaml: state.webYaml.replaceAll('app: web', 'app: web2'),
          resourceVersion: state.rv,
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
          yaml: state.webYaml,
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
          () => ({ yaml: state.webYaml, resourceVersion: state.rv, dryRun: false }),
        ],
        [
          'create from YAML',
          'POST',
          '/api/objects/apply',
          () => ({ yaml: 'kind: ConfigMap\n', namespace: N(), dryRun: false }),
        ],
        ['delete', 'DELETE', '/api/objects/configmaps/NS/settings', () => ({ resourceVersion: state.cmRv })],
        [
          'a key edit',
          'PATCH',
          '/api/objects/secrets/NS/creds/keys',
          () => ({
            resourceVersion: state.secretRv,
            changes: [{ op: 'remove', key: 'password' }],
            dryRun: false,
          }),
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
        run: async () => send(method, path.replace('NS', N()), body(), {}, () => state.tokenBff.url)(),
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
              ? { yaml: state.webYaml, resourceVersion: state.rv, dryRun: true }
              : method === 'DELETE'
                ? { resourceVersion: state.cmRv }
                : { resourceVersion: state.cmRv, changes: [{ op: 'remove', key: 'mode' }], dryRun: true };
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
          yaml: `${state.webYaml}#${long(1_048_576)}\n`,
          resourceVersion: state.rv,
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
          yaml: state.webYaml,
          resourceVersion: state.rv,
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
            resourceVersion: state.secretRv,
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
          resourceVersion: state.rv,
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
          resourceVersion: state.secretRv,
          dryRun: false,
        })(),
    },
  ];
}
