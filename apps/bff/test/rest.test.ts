import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CoreV1Api, KubeConfig, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { CSRF_HEADER } from '@wheelhouse/shared-types';
import { createTestNamespace, ensureCluster, kubectl } from '@wheelhouse/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WheelhouseApp } from '../src/app';
import { ClientView, connect, startBff } from './support';

describe('REST reads and the security baseline', () => {
  let app: WheelhouseApp;
  let url: string;
  let kc: KubeConfig;
  let ns: { name: string; cleanup(): Promise<void> };

  beforeAll(async () => {
    ({ kc } = await ensureCluster());
    ns = await createTestNamespace(kc, 'bff-rest');
    const core = kc.makeApiClient(CoreV1Api);
    await core.createNamespacedConfigMap({
      namespace: ns.name,
      body: { metadata: { name: 'settings', labels: { app: 'x' } }, data: { mode: 'fast' } },
    });
    await core.createNamespacedSecret({
      namespace: ns.name,
      body: { metadata: { name: 'token' }, stringData: { apiKey: 'sk-live-do-not-leak' } },
    });
    ({ app, url } = await startBff());
  });
  afterAll(async () => {
    await app?.close();
    await ns?.cleanup();
  });

  it('returns one object without managedFields', async () => {
    const res = await fetch(`${url}/api/configmaps/${ns.name}/settings`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: Record<string, string>; metadata: Record<string, unknown> };
    expect(body.data).toEqual({ mode: 'fast' });
    expect(body.metadata.managedFields).toBeUndefined();
  });

  it('returns a Secret with sizes and no values', async () => {
    const res = await fetch(`${url}/api/secrets/${ns.name}/token`);
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).not.toContain('sk-live');
    expect(JSON.parse(text).dataSizes).toEqual({ apiKey: 19 });
  });

  it('passes the apiserver 404 through with its reason and message', async () => {
    const res = await fetch(`${url}/api/pods/${ns.name}/does-not-exist`);
    expect(res.status).toBe(404);
    const { error } = (await res.json()) as { error: { reason: string; message: string; source: string } };
    expect(error).toMatchObject({ reason: 'NotFound', source: 'apiserver' });
    expect(error.message).toContain('"does-not-exist" not found');
  });

  it('400s on bad names, namespaces, kinds and path traversal, naming the field', async () => {
    const cases: Array<[string, string]> = [
      [`/api/pods/${ns.name}/Bad_Name`, 'name'],
      ['/api/pods/UPPER/x', 'namespace'],
      [`/api/widgets/${ns.name}/x`, 'kind'],
      [`/api/pods/${ns.name}/..%2F..%2Fsecrets`, 'name'],
      ['/api/nodes/default/kwok-node-0', 'namespace'],
    ];
    for (const [p, field] of cases) {
      const res = await fetch(url + p);
      expect(res.status, p).toBe(400);
      const { error } = (await res.json()) as { error: { field?: string; source: string } };
      expect(error.field, p).toBe(field);
      expect(error.source).toBe('bff');
    }
  });

  it('refuses a DNS-rebinding Host with 421 before touching the cluster', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${url}/api/namespaces`, { headers: { Host: 'attacker.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('refuses mutations without a same origin or without the CSRF token', async () => {
    const session = (await (await fetch(`${url}/api/session`)).json()) as { csrfToken: string };
    const noOrigin = await fetch(`${url}/api/anything`, { method: 'POST', body: '{}' });
    expect(noOrigin.status).toBe(403);
    const foreign = await fetch(`${url}/api/anything`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', [CSRF_HEADER]: session.csrfToken },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { message: string } }).error.message).toMatch(/origin/);
    const forged = await fetch(`${url}/api/anything`, {
      method: 'POST',
      headers: { Origin: url, [CSRF_HEADER]: 'forged' },
      body: '{}',
    });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { message: string } }).error.message).toMatch(/CSRF/);
  });

  it('413s an oversized body', async () => {
    const session = (await (await fetch(`${url}/api/session`)).json()) as { csrfToken: string };
    const res = await fetch(`${url}/api/anything`, {
      method: 'POST',
      headers: { Origin: url, [CSRF_HEADER]: session.csrfToken, 'Content-Type': 'application/json' },
      body: JSON.stringify({ blob: 'x'.repeat(2_000_000) }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/too large/);
  });

  it('sends security headers with a CSP', async () => {
    const res = await fetch(`${url}/api/namespaces`);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('exposes /healthz, /readyz and prometheus /metrics', async () => {
    expect(await (await fetch(`${url}/healthz`)).text()).toBe('ok');
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('wheelhouse_informers');
    expect(metrics).toContain('wheelhouse_sockets');
  });

  it('gives a view-only user 403 with the apiserver message for what RBAC forbids', async () => {
    // A ServiceAccount bound to the built-in "view" role in the test namespace only.
    const core = kc.makeApiClient(CoreV1Api);
    const rbac = kc.makeApiClient(RbacAuthorizationV1Api);
    await core.createNamespacedServiceAccount({ namespace: ns.name, body: { metadata: { name: 'viewer' } } });
    await rbac.createNamespacedRoleBinding({
      namespace: ns.name,
      body: {
        metadata: { name: 'viewer-view' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
        subjects: [{ kind: 'ServiceAccount', name: 'viewer', namespace: ns.name }],
      },
    });
    const token = (await kubectl(['-n', ns.name, 'create', 'token', 'viewer', '--duration=10m'])).trim();
    const cluster = kc.getCurrentCluster();
    const viewerKc = new KubeConfig();
    viewerKc.loadFromOptions({
      clusters: [{ name: 'c', server: cluster?.server ?? '', caData: cluster?.caData, skipTLSVerify: false }],
      users: [{ name: 'viewer', token }],
      contexts: [{ name: 'viewer', cluster: 'c', user: 'viewer' }],
      currentContext: 'viewer',
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'wh-viewer-'));
    const file = path.join(dir, 'kubeconfig');
    writeFileSync(file, viewerKc.exportConfig(), { mode: 0o600 });
    const viewer = await startBff({ env: { KUBECONFIG: file } });
    try {
      const ok = await fetch(`${viewer.url}/api/configmaps/${ns.name}/settings`);
      expect(ok.status).toBe(200);
      const denied = await fetch(`${viewer.url}/api/secrets/${ns.name}/token`);
      expect(denied.status).toBe(403);
      const { error } = (await denied.json()) as { error: { reason: string; message: string } };
      expect(error.reason).toBe('Forbidden');
      expect(error.message).toContain('cannot get resource "secrets"');

      const v = new ClientView(await connect(viewer.url));
      try {
        const pods = await v.subscribe({ kind: 'pods', namespace: ns.name });
        expect(pods.ok).toBe(true);
        const secrets = await v.subscribe({ kind: 'secrets', namespace: ns.name });
        expect(secrets.ok).toBe(false);
        if (!secrets.ok) {
          expect(secrets.error.code).toBe(403);
          expect(secrets.error.message).toContain('cannot list resource "secrets"');
        }
        const allNs = await v.subscribe({ kind: 'pods' });
        expect(allNs.ok).toBe(false);
      } finally {
        v.socket.close();
      }
    } finally {
      await viewer.app.close();
    }
  });
});
