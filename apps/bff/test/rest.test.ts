import { CoreV1Api } from '@kubernetes/client-node';
import { CSRF_HEADER } from '@wheelhouse/shared-types';
import { describe, expect, it } from 'vitest';
import { bffAndNamespace, ClientView, connect, memoryLogger, mutationHeaders, startBff } from './support';
import { createViewerToken, postLogin } from './token-user';

describe('REST reads and the security baseline', () => {
  const t = bffAndNamespace('bff-rest', {
    seed: async (kc, ns) => {
      const core = kc.makeApiClient(CoreV1Api);
      await core.createNamespacedConfigMap({
        namespace: ns.name,
        body: { metadata: { name: 'settings', labels: { app: 'x' } }, data: { mode: 'fast' } },
      });
      await core.createNamespacedSecret({
        namespace: ns.name,
        body: { metadata: { name: 'token' }, stringData: { apiKey: 'sk-live-do-not-leak' } },
      });
    },
  });

  it('returns one object without managedFields', async () => {
    const res = await fetch(`${t.url}/api/configmaps/${t.ns.name}/settings`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: Record<string, string>; metadata: Record<string, unknown> };
    expect(body.data).toEqual({ mode: 'fast' });
    expect(body.metadata.managedFields).toBeUndefined();
  });

  it('returns a Secret with sizes and no values', async () => {
    const res = await fetch(`${t.url}/api/secrets/${t.ns.name}/token`);
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).not.toContain('sk-live');
    expect(JSON.parse(text).dataSizes).toEqual({ apiKey: 19 });
  });

  it('passes the apiserver 404 through with its reason and message', async () => {
    const res = await fetch(`${t.url}/api/pods/${t.ns.name}/does-not-exist`);
    expect(res.status).toBe(404);
    const { error } = (await res.json()) as { error: { reason: string; message: string; source: string } };
    expect(error).toMatchObject({ reason: 'NotFound', source: 'apiserver' });
    expect(error.message).toContain('"does-not-exist" not found');
  });

  it('400s on bad names, namespaces, kinds and path traversal, naming the field', async () => {
    const cases: Array<[string, string]> = [
      [`/api/pods/${t.ns.name}/Bad_Name`, 'name'],
      ['/api/pods/UPPER/x', 'namespace'],
      [`/api/widgets/${t.ns.name}/x`, 'kind'],
      [`/api/pods/${t.ns.name}/..%2F..%2Fsecrets`, 'name'],
      ['/api/nodes/default/kwok-node-0', 'namespace'],
    ];
    for (const [p, field] of cases) {
      const res = await fetch(t.url + p);
      expect(res.status, p).toBe(400);
      const { error } = (await res.json()) as { error: { field?: string; source: string } };
      expect(error.field, p).toBe(field);
      expect(error.source).toBe('bff');
    }
  });

  it('refuses a DNS-rebinding Host with 421 before touching the cluster', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${t.url}/api/namespaces`, { headers: { Host: 'attacker.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('refuses mutations without a same origin or without the CSRF token', async () => {
    const session = (await (await fetch(`${t.url}/api/session`)).json()) as { csrfToken: string };
    const noOrigin = await fetch(`${t.url}/api/anything`, { method: 'POST', body: '{}' });
    expect(noOrigin.status).toBe(403);
    const foreign = await fetch(`${t.url}/api/anything`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', [CSRF_HEADER]: session.csrfToken },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { message: string } }).error.message).toMatch(/origin/);
    const forged = await fetch(`${t.url}/api/anything`, {
      method: 'POST',
      headers: { Origin: t.url, [CSRF_HEADER]: 'forged' },
      body: '{}',
    });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { message: string } }).error.message).toMatch(/CSRF/);
  });

  it('413s an oversized body', async () => {
    const session = (await (await fetch(`${t.url}/api/session`)).json()) as { csrfToken: string };
    const res = await fetch(`${t.url}/api/anything`, {
      method: 'POST',
      headers: { Origin: t.url, [CSRF_HEADER]: session.csrfToken, 'Content-Type': 'application/json' },
      body: JSON.stringify({ blob: 'x'.repeat(2_000_000) }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/too large/);
  });

  it('sends security headers with a CSP', async () => {
    const res = await fetch(`${t.url}/api/namespaces`);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('exposes /healthz, /readyz and prometheus /metrics', async () => {
    expect(await (await fetch(`${t.url}/healthz`)).text()).toBe('ok');
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toContain('wheelhouse_informers');
    expect(metrics).toContain('wheelhouse_sockets');
  });

  it('reveals one Secret key on explicit request and audits who, which secret and key, never the value', async () => {
    const { log, lines } = memoryLogger();
    const audited = await startBff({ log });
    try {
      const headers = await mutationHeaders(audited.url);
      const res = await fetch(`${audited.url}/api/secrets/${t.ns.name}/token/reveal`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ key: 'apiKey' }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = (await res.json()) as { key: string; base64: string };
      expect(Buffer.from(body.base64, 'base64').toString()).toBe('sk-live-do-not-leak');
      const audit = lines
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.audit === 'secret-reveal');
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ namespace: t.ns.name, secret: 'token', key: 'apiKey' });
      expect(lines.join('\n')).not.toContain('sk-live');
      expect(lines.join('\n')).not.toContain(body.base64);

      const missing = await fetch(`${audited.url}/api/secrets/${t.ns.name}/token/reveal`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ key: 'nope' }),
      });
      expect(missing.status).toBe(404);
      const badKey = await fetch(`${audited.url}/api/secrets/${t.ns.name}/token/reveal`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ key: '../etc/passwd' }),
      });
      expect(badKey.status).toBe(400);
      const badJson = await fetch(`${audited.url}/api/secrets/${t.ns.name}/token/reveal`, {
        method: 'POST',
        headers,
        body: '{"key":',
      });
      expect(badJson.status).toBe(400);
      const noCsrf = await fetch(`${audited.url}/api/secrets/${t.ns.name}/token/reveal`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: audited.url },
        body: JSON.stringify({ key: 'apiKey' }),
      });
      expect(noCsrf.status).toBe(403);
    } finally {
      await audited.app.close();
    }
  });

  it('in token mode acts as the logged-in user: reads what RBAC allows, 403 on the rest, 401 before login', async () => {
    const token = await createViewerToken(t.kc, t.ns.name);
    const tm = await startBff({ env: { WHEELHOUSE_MODE: 'token' } });
    try {
      const before = await fetch(`${tm.url}/api/namespaces`);
      expect(before.status).toBe(401);
      const session0 = (await (await fetch(`${tm.url}/api/session`)).json()) as { authenticated: boolean };
      expect(session0.authenticated).toBe(false);

      const garbage = await postLogin(tm.url, 'not-a-real-token');
      expect(garbage.status).toBe(401);

      const login = await postLogin(tm.url, token);
      expect(login.status).toBe(200);
      expect(((await login.json()) as { user: string }).user).toBe(
        `system:serviceaccount:${t.ns.name}:viewer`,
      );
      const setCookie = login.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Strict/i);
      const cookie = setCookie.split(';')[0] ?? '';

      const ok = await fetch(`${tm.url}/api/configmaps/${t.ns.name}/settings`, {
        headers: { Cookie: cookie },
      });
      expect(ok.status).toBe(200);
      const denied = await fetch(`${tm.url}/api/secrets/${t.ns.name}/token`, { headers: { Cookie: cookie } });
      expect(denied.status).toBe(403);
      const { error } = (await denied.json()) as { error: { reason: string; message: string } };
      expect(error.reason).toBe('Forbidden');
      expect(error.message).toContain('cannot get resource "secrets"');
      const reveal = await fetch(`${tm.url}/api/secrets/${t.ns.name}/token/reveal`, {
        method: 'POST',
        headers: await mutationHeaders(tm.url, cookie),
        body: JSON.stringify({ key: 'apiKey' }),
      });
      expect(reveal.status).toBe(403);

      const anon = await connect(tm.url);
      try {
        const ack = await anon.timeout(5000).emitWithAck('subscribe', { kind: 'pods', namespace: t.ns.name });
        expect(!ack.ok && ack.error.code).toBe(401);
      } finally {
        anon.close();
      }
      const v = new ClientView(await connect(tm.url, tm.url, cookie));
      try {
        expect((await v.subscribe({ kind: 'pods', namespace: t.ns.name })).ok).toBe(true);
        const secrets = await v.subscribe({ kind: 'secrets', namespace: t.ns.name });
        expect(secrets.ok).toBe(false);
        if (!secrets.ok) {
          expect(secrets.error.code).toBe(403);
          expect(secrets.error.message).toContain('cannot list resource "secrets"');
        }
        expect((await v.subscribe({ kind: 'pods' })).ok).toBe(false);
      } finally {
        v.socket.close();
      }
      // The user's informers are their own: keyed by token, not shared with the BFF's identity.
      expect(tm.app.hub.informers().every((i) => i.spec.kind === 'pods')).toBe(true);
    } finally {
      await tm.app.close();
    }
  });
});
