/**
 * The write routes act as the caller only: in token mode a view-only user is told by the permission
 * checks that no write is allowed, gets the apiserver's own 403 from every write route if they call
 * it anyway, and a request without a login is a 401 — never the dashboard's own credentials.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import {
  type PermissionsResponse,
  WRITABLE_KINDS,
  type WriteOperation,
  writePermission,
} from '@wheelhouse/shared-types';
import { createDeployment, createTestNamespace, ensureCluster, kubectl } from '@wheelhouse/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WheelhouseApp } from '../src/app';
import { startBff } from './support';
import { createViewerToken, postLogin, sessionCookie } from './token-user';
import { writesOf, yamlOf } from './writes-support';

describe('writes as a view-only user (token mode)', () => {
  let kc: KubeConfig;
  let ns: { name: string; cleanup(): Promise<void> };
  let admin: { app: WheelhouseApp; url: string };
  let tm: { app: WheelhouseApp; url: string };
  let cookie = '';

  /** Every object of the namespace at its resourceVersion. */
  const snapshot = async () =>
    (
      await kubectl([
        '-n',
        ns.name,
        'get',
        'deployments,configmaps,secrets,services',
        '-o',
        'jsonpath={range .items[*]}{.kind}/{.metadata.name}={.metadata.resourceVersion} {end}',
      ])
    ).trim();

  beforeAll(async () => {
    ({ kc } = await ensureCluster());
    ns = await createTestNamespace(kc, 'bff-writes-rbac');
    await createDeployment(kc, ns.name, 'web', { replicas: 1, image: 'registry.invalid/web:1' });
    // Rolled out first: the snapshots compare resourceVersions, which status writes would change.
    await kubectl(['-n', ns.name, 'rollout', 'status', 'deployment/web', '--timeout=90s'], {
      timeoutMs: 100_000,
    });
    await kubectl(['-n', ns.name, 'create', 'configmap', 'settings', '--from-literal=mode=calm']);
    await kubectl(['-n', ns.name, 'create', 'secret', 'generic', 'creds', '--from-literal=password=hunter2']);
    const token = await createViewerToken(kc, ns.name);
    admin = await startBff();
    tm = await startBff({ env: { WHEELHOUSE_MODE: 'token' } });
    const login = await postLogin(tm.url, token);
    expect(login.status).toBe(200);
    cookie = sessionCookie(login);
  });
  afterAll(async () => {
    await admin?.app.close();
    await tm?.app.close();
    await ns?.cleanup();
  });

  it('permission checks answer no for every write on every kind to the viewer, yes to the kubeconfig user', async () => {
    const ops: WriteOperation[] = ['edit', 'delete', 'keys', 'create', 'apply'];
    for (const kind of WRITABLE_KINDS) {
      const checks = ops.map((op) => writePermission(op, kind)).join(',');
      const ask = async (base: string, headers: Record<string, string>) => {
        const res = await fetch(`${base}/api/permissions?namespace=${ns.name}&checks=${checks}`, { headers });
        expect(res.status).toBe(200);
        return ((await res.json()) as PermissionsResponse).results.map((r) => r.allowed);
      };
      expect(await ask(tm.url, { Cookie: cookie }), kind).toEqual(ops.map(() => false));
      expect(await ask(admin.url, {}), kind).toEqual(ops.map(() => true));
    }
  });

  it("gets the apiserver's 403 from every write route, and nothing changes", async () => {
    const before = await snapshot();
    const viewer = writesOf(tm.url, cookie);
    const d = (await (
      await fetch(`${tm.url}/api/deployments/${ns.name}/web`, { headers: { Cookie: cookie } })
    ).json()) as {
      metadata: { resourceVersion: string };
    };
    const cm = (await (
      await fetch(`${tm.url}/api/configmaps/${ns.name}/settings`, { headers: { Cookie: cookie } })
    ).json()) as {
      metadata: { resourceVersion: string };
    };
    const refusals = [
      [
        'edit',
        await viewer.edit('deployments', ns.name, 'web', {
          yaml: yamlOf(d),
          resourceVersion: d.metadata.resourceVersion,
          dryRun: true,
        }),
        /cannot update resource "deployments"/,
      ],
      [
        'edit a Secret',
        await viewer.edit('secrets', ns.name, 'creds', {
          yaml: 'apiVersion: v1\nkind: Secret\nmetadata: { name: creds }\n',
          resourceVersion: '1',
          dryRun: false,
        }),
        /cannot get resource "secrets"/,
      ],
      [
        'delete',
        await viewer.remove('configmaps', ns.name, 'settings', {
          resourceVersion: cm.metadata.resourceVersion,
        }),
        /cannot delete resource "configmaps"/,
      ],
      [
        'keys',
        await viewer.keys('configmaps', ns.name, 'settings', {
          resourceVersion: cm.metadata.resourceVersion,
          changes: [{ op: 'remove', key: 'mode' }],
          dryRun: false,
        }),
        /cannot patch resource "configmaps"/,
      ],
    ] as const;
    for (const [what, res, message] of refusals) {
      expect(res.status, `${what}: ${res.text}`).toBe(403);
      expect(res.json.error, what).toMatchObject({ reason: 'Forbidden', source: 'apiserver' });
      expect(res.json.error?.message, what).toMatch(message);
      expect(res.json.error?.message, what).toContain(`system:serviceaccount:${ns.name}:viewer`);
    }
    const apply = await viewer.apply({
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: planted }\n',
      namespace: ns.name,
      dryRun: false,
    });
    expect(apply.status, apply.text).toBe(200);
    expect(apply.json.results[0]).toMatchObject({
      outcome: 'error',
      error: { code: 403, reason: 'Forbidden', source: 'apiserver' },
    });
    expect(await snapshot()).toBe(before);
  });

  it("answers 401 to a write without a login, never acting with the dashboard's own credentials", async () => {
    const before = await snapshot();
    const anonymous = writesOf(tm.url);
    const res = await anonymous.remove('configmaps', ns.name, 'settings', { resourceVersion: '1' });
    expect(res.status).toBe(401);
    const apply = await anonymous.apply({
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: planted }\n',
      namespace: ns.name,
      dryRun: false,
    });
    expect(apply.status).toBe(401);
    expect(await snapshot()).toBe(before);
  });
});
