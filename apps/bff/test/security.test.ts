import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import type { SubscribeAck } from '@wheelhouse/shared-types';
import { createTestNamespace, ensureCluster, kubectl } from '@wheelhouse/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WheelhouseApp } from '../src/app';
import { buildOriginPolicy, hostAllowed, originAllowed } from '../src/http/security';
import { raw } from './raw-http';
import { ClientView, connect, memoryLogger, mutationHeaders, startBff } from './support';

const policy = buildOriginPolicy({
  host: '127.0.0.1',
  extraHosts: ['dash.example'],
  extraOrigins: ['http://127.0.0.1:5173'],
});

describe('Host and Origin policy', () => {
  it('accepts loopback names on any port and configured hosts, refuses rebinding names', () => {
    for (const h of ['127.0.0.1:7070', 'localhost:80', '[::1]:7070', 'dash.example', 'DASH.example:443']) {
      expect(hostAllowed(policy, h), h).toBe(true);
    }
    for (const h of ['evil.example', 'evil.example:7070', '127.0.0.1.evil.example', '', undefined]) {
      expect(hostAllowed(policy, h), String(h)).toBe(false);
    }
  });

  it('accepts only the same origin as the Host, or a listed origin', () => {
    expect(originAllowed(policy, 'http://127.0.0.1:7070', '127.0.0.1:7070')).toBe(true);
    expect(originAllowed(policy, 'http://127.0.0.1:5173', '127.0.0.1:7070')).toBe(true);
    // another local app on another port is another origin
    expect(originAllowed(policy, 'http://127.0.0.1:8080', '127.0.0.1:7070')).toBe(false);
    expect(originAllowed(policy, 'https://evil.example', '127.0.0.1:7070')).toBe(false);
    // same-origin with a rebinding Host is still refused
    expect(originAllowed(policy, 'http://evil.example:7070', 'evil.example:7070')).toBe(false);
    expect(originAllowed(policy, undefined, '127.0.0.1:7070')).toBe(false);
    expect(originAllowed(policy, 'null', '127.0.0.1:7070')).toBe(false);
  });

  it('does not treat a wildcard bind address as an allowed Host', () => {
    const open = buildOriginPolicy({ host: '0.0.0.0', extraHosts: [], extraOrigins: [] });
    expect(hostAllowed(open, '0.0.0.0:7070')).toBe(false);
    expect(hostAllowed(open, '127.0.0.1:7070')).toBe(true);
  });
});

/**
 * Findings of an outside probe (issue 15), against a real BFF and the real cluster: each case failed
 * before its fix.
 */
describe('security findings: the fixes hold against a real server', () => {
  let kc: KubeConfig;
  let ns: { name: string; cleanup(): Promise<void> };
  let bff: { app: WheelhouseApp; url: string };
  const { log, lines } = memoryLogger();
  let staticDir: string;

  beforeAll(async () => {
    ({ kc } = await ensureCluster());
    ns = await createTestNamespace(kc, 'bff-security');
    const core = kc.makeApiClient(CoreV1Api);
    await core.createNamespacedConfigMap({
      namespace: ns.name,
      body: { metadata: { name: 'settings' }, data: { a: 'b' } },
    });
    // A key named like Object.prototype's accessor: valid for a Secret (`[-._a-zA-Z0-9]+`).
    await kubectl([
      '-n',
      ns.name,
      'create',
      'secret',
      'generic',
      'odd-keys',
      '--from-literal=__proto__=proto-value',
      '--from-literal=constructor=ctor-value',
      '--from-literal=plain=plain-value',
    ]);
    await kubectl(['-n', ns.name, 'create', 'secret', 'generic', 'plain', '--from-literal=password=hunter2']);
    staticDir = mkdtempSync(path.join(tmpdir(), 'wheelhouse-static-'));
    mkdirSync(path.join(staticDir, 'assets'));
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>wheelhouse</title>');
    writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    bff = await startBff({ log, env: { WHEELHOUSE_STATIC_DIR: staticDir } });
  });
  afterAll(async () => {
    await bff?.app.close();
    await ns?.cleanup();
    if (staticDir) rmSync(staticDir, { recursive: true, force: true });
  });

  const reveal = async (secret: string, key: string) =>
    fetch(`${bff.url}/api/secrets/${ns.name}/${secret}/reveal`, {
      method: 'POST',
      headers: await mutationHeaders(bff.url),
      body: JSON.stringify({ key }),
    });

  it('lists a Secret key named "__proto__" (REST and live) and reveals it; "constructor" too', async () => {
    const rest = await fetch(`${bff.url}/api/secrets/${ns.name}/odd-keys`);
    const text = await rest.text();
    expect(text).not.toContain('proto-value');
    const sizes = JSON.parse(text).dataSizes as Record<string, number>;
    expect(Object.keys(sizes).sort()).toEqual(['__proto__', 'constructor', 'plain']);
    expect(Object.getOwnPropertyDescriptor(sizes, '__proto__')?.value).toBe('proto-value'.length);

    const view = new ClientView(await connect(bff.url));
    try {
      const ack = await view.subscribe({ kind: 'secrets', namespace: ns.name });
      expect(ack.ok).toBe(true);
      const live = view.byName.get(`${ns.name}/odd-keys`) as unknown as { dataSizes: Record<string, number> };
      expect(Object.keys(live.dataSizes).sort()).toEqual(['__proto__', 'constructor', 'plain']);
    } finally {
      view.socket.close();
    }

    const res = await reveal('odd-keys', '__proto__');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { key: string; base64: string };
    expect(Buffer.from(body.base64, 'base64').toString()).toBe('proto-value');
  });

  it('404s a reveal of an Object.prototype name the Secret lacks, and writes no audit line for it', async () => {
    const before = lines.length;
    for (const key of ['toString', 'valueOf', 'constructor', '__proto__', 'hasOwnProperty']) {
      const res = await reveal('plain', key);
      expect(res.status, key).toBe(404);
      expect(((await res.json()) as { error: { field?: string } }).error.field).toBe('key');
    }
    const audits = lines.slice(before).filter((l) => l.includes('"audit":"secret-reveal"'));
    expect(audits).toEqual([]);
  });

  it('refuses a permission check for "get:constructor" with 400 and sends no SelfSubjectAccessReview', async () => {
    const creates = async () => {
      const m = await bff.app.metrics.apiLatency.get();
      return m.values
        .filter((v) => v.metricName?.endsWith('_count') && v.labels.verb === 'create')
        .reduce((n, v) => n + v.value, 0);
    };
    const before = await creates();
    for (const check of ['get:constructor', 'get:__proto__', 'list:toString']) {
      const res = await fetch(`${bff.url}/api/permissions?namespace=${ns.name}&checks=${check}`);
      expect(res.status, check).toBe(400);
    }
    expect(await creates()).toBe(before);
    // A real check still goes through.
    expect((await fetch(`${bff.url}/api/permissions?namespace=${ns.name}&checks=get:pods`)).status).toBe(200);
    expect(await creates()).toBe(before + 1);
  });

  it('answers 400, not 500, to an unknown query parameter on /api/permissions', async () => {
    const res = await fetch(`${bff.url}/api/permissions?namespace=${ns.name}&checks=get:pods&extra=1`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { reason: string } }).error.reason).toBe('BadRequest');
  });

  it('answers 400, not 500, to a 60,000-deep nested JSON body', async () => {
    const res = await fetch(`${bff.url}/api/secrets/${ns.name}/plain/reveal`, {
      method: 'POST',
      headers: await mutationHeaders(bff.url),
      body: `${'['.repeat(60_000)}${']'.repeat(60_000)}`,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { reason: string } }).error.reason).toBe('BadRequest');
  });

  it('404s a missing static asset without the build directory in the answer', async () => {
    expect((await fetch(`${bff.url}/assets/app.js`)).status).toBe(200);
    for (const p of [
      '/assets/missing.js',
      '/assets/%2e%2e/index.html',
      '/assets/.hidden',
      '/assets/%E0%A4%A',
    ]) {
      const { status, text } = await raw(bff.url, 'GET', p);
      expect(status, p).toBeGreaterThanOrEqual(400);
      expect(status, p).toBeLessThan(500);
      expect(text, p).not.toContain(staticDir);
      expect(text, p).not.toMatch(/ENOENT|\/tmp\//);
    }
  });

  it('marks API responses carrying objects, and the session (it holds the CSRF token), no-store', async () => {
    const paths = [
      '/api/session',
      '/api/namespaces',
      `/api/configmaps/${ns.name}/settings`,
      `/api/secrets/${ns.name}/plain`,
      `/api/events/configmaps/${ns.name}/settings`,
      `/api/permissions?namespace=${ns.name}&checks=get:pods`,
      `/api/configmaps/${ns.name}/missing`,
    ];
    for (const p of paths) {
      const res = await fetch(`${bff.url}${p}`);
      expect(res.headers.get('cache-control'), p).toBe('no-store');
    }
  });

  it('checks Host on /metrics and /readyz (421 for a rebinding name) and sends the security headers there', async () => {
    for (const p of ['/metrics', '/readyz']) {
      const rebound = await raw(bff.url, 'GET', p, { headers: { Host: 'evil.example' } });
      expect(rebound.status, p).toBe(421);
      expect(rebound.text, p).not.toContain('wheelhouse_');
      const ok = await raw(bff.url, 'GET', p);
      expect(ok.status, p).toBe(200);
      expect(ok.headers['x-content-type-options'], p).toBe('nosniff');
      expect(ok.headers['content-security-policy'], p).toContain("frame-ancestors 'none'");
      expect(ok.headers['x-frame-options'], p).toBe('DENY');
    }
    // The liveness probe stays answerable by IP (kubelet), and says nothing but "ok".
    const health = await raw(bff.url, 'GET', '/healthz', { headers: { Host: '10.0.0.7:7070' } });
    expect(health.text).toBe('ok');
    expect(health.headers['x-frame-options']).toBe('DENY');
    const page = await fetch(`${bff.url}/`);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe("security findings: token mode never acts with the dashboard's own credentials", () => {
  let ns: { name: string; cleanup(): Promise<void> };
  let bff: { app: WheelhouseApp; url: string };

  beforeAll(async () => {
    const { kc } = await ensureCluster();
    ns = await createTestNamespace(kc, 'bff-deputy');
    await kubectl(['-n', ns.name, 'create', 'configmap', 'settings', '--from-literal=a=b']);
    bff = await startBff({ env: { WHEELHOUSE_MODE: 'token' } });
  });
  afterAll(async () => {
    await bff?.app.close();
    await ns?.cleanup();
  });

  it("answers 401 to every read, write and socket request without the user's token, whatever the context", async () => {
    const headers = await mutationHeaders(bff.url);
    const context = ((await (await fetch(`${bff.url}/api/session`)).json()) as { context: string }).context;
    expect(context).toBeTruthy();
    const reads = [
      '/api/contexts',
      '/api/namespaces',
      `/api/configmaps/${ns.name}/settings`,
      `/api/events/configmaps/${ns.name}/settings`,
      `/api/deployments/${ns.name}/web/history`,
      `/api/permissions?namespace=${ns.name}&checks=get:pods`,
      '/api/nodes/_/kwok-node-0',
    ];
    for (const p of reads) {
      for (const q of ['', `${p.includes('?') ? '&' : '?'}context=${context}`]) {
        const res = await fetch(`${bff.url}${p}${q}`);
        expect(res.status, `${p}${q}`).toBe(401);
      }
    }
    const writes: Array<[string, unknown]> = [
      [`/api/secrets/${ns.name}/settings/reveal`, { key: 'a' }],
      [`/api/deployments/${ns.name}/web/scale`, { replicas: 1, resourceVersion: '1' }],
      [`/api/deployments/${ns.name}/web/restart`, { resourceVersion: '1' }],
    ];
    for (const [p, body] of writes) {
      const res = await fetch(`${bff.url}${p}`, { method: 'POST', headers, body: JSON.stringify(body) });
      expect(res.status, p).toBe(401);
    }
    const socket = await connect(bff.url);
    try {
      const sub = await socket
        .timeout(10_000)
        .emitWithAck('subscribe', { kind: 'configmaps', namespace: ns.name });
      expect(refused(sub)).toBe(401);
      const withContext = await socket
        .timeout(10_000)
        .emitWithAck('subscribe', { kind: 'configmaps', namespace: ns.name, context });
      expect(refused(withContext)).toBe(401);
      const logs = await socket
        .timeout(10_000)
        .emitWithAck('logsStart', { namespace: ns.name, pod: 'any', container: 'any', follow: false });
      expect(logs.ok ? 200 : logs.error.code).toBe(401);
    } finally {
      socket.close();
    }
    expect(bff.app.hub.stats().informers).toBe(0);
  });
});

function refused(ack: SubscribeAck): number {
  return ack.ok ? 200 : ack.error.code;
}
