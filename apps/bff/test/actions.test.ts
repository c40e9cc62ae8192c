import { AppsV1Api, type KubeConfig, type V1Deployment } from '@kubernetes/client-node';
import { RESTARTED_AT_ANNOTATION } from '@wheelhouse/core';
import type {
  ActionResponse,
  ErrorResponse,
  HistoryResponse,
  PermissionsResponse,
} from '@wheelhouse/shared-types';
import { createDeployment, createTestNamespace, ensureCluster, kubectl, waitFor } from '@wheelhouse/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WheelhouseApp } from '../src/app';
import { mutationHeaders, startBff } from './support';
import { createViewerToken, postLogin, sessionCookie } from './token-user';

describe('Deployment actions, as the caller, with the resourceVersion the user saw', () => {
  let app: WheelhouseApp;
  let url: string;
  let kc: KubeConfig;
  let apps: AppsV1Api;
  let ns: { name: string; cleanup(): Promise<void> };

  const read = (name = 'web') => apps.readNamespacedDeployment({ name, namespace: ns.name });
  const rv = async (name = 'web') => (await read(name)).metadata?.resourceVersion ?? '';

  async function act(
    action: string,
    body: unknown,
    opts: { name?: string; base?: string; cookie?: string } = {},
  ): Promise<{ status: number; json: ActionResponse & ErrorResponse }> {
    const base = opts.base ?? url;
    const res = await fetch(`${base}/api/deployments/${ns.name}/${opts.name ?? 'web'}/${action}`, {
      method: 'POST',
      headers: await mutationHeaders(base, opts.cookie),
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as ActionResponse & ErrorResponse };
  }

  /**
   * Acts with the resourceVersion just read, as a user clicking right after the page updated. The
   * deployment controller keeps writing status (a new resourceVersion) for a while after every change,
   * so a status-only write can land between the read and the act: then, like the cockpit does, act
   * again once with the newer resourceVersion — only when the spec (generation) did not change.
   */
  async function actFresh(action: string, body: Record<string, unknown>, name = 'web') {
    for (let attempt = 0; ; attempt++) {
      const seen = await read(name);
      const res = await act(
        action,
        { ...body, resourceVersion: seen.metadata?.resourceVersion ?? '' },
        { name },
      );
      if (res.status !== 409 || attempt >= 3) return res;
      const now = await read(name);
      if (now.metadata?.generation !== seen.metadata?.generation) return res;
    }
  }

  /** Rolled out, and no status write for a second: the resourceVersion read now stays current. */
  async function settled(name = 'web'): Promise<V1Deployment> {
    let last = await rolledOut(name);
    for (let i = 0; i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const now = await read(name);
      if (now.metadata?.resourceVersion === last.metadata?.resourceVersion) return now;
      last = await rolledOut(name);
    }
    return last;
  }

  async function rolledOut(name = 'web'): Promise<V1Deployment> {
    return waitFor(
      async () => {
        const d = await read(name);
        const s = d.status;
        const want = d.spec?.replicas ?? 1;
        const done =
          (s?.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0) &&
          s?.updatedReplicas === want &&
          s?.replicas === want &&
          s?.availableReplicas === want;
        return done ? d : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250, what: `deployment ${name} rolled out` },
    );
  }

  beforeAll(async () => {
    ({ kc } = await ensureCluster());
    apps = kc.makeApiClient(AppsV1Api);
    ns = await createTestNamespace(kc, 'bff-actions');
    await createDeployment(kc, ns.name, 'web', { replicas: 2, image: 'registry.invalid/web:1' });
    ({ app, url } = await startBff());
    await rolledOut();
  });
  afterAll(async () => {
    await app?.close();
    await ns?.cleanup();
  });

  it('scales through the scale subresource and the new count is in the object', async () => {
    const res = await actFresh('scale', { replicas: 3 });
    expect(res.status).toBe(200);
    expect(res.json.deployment.spec?.replicas).toBe(3);
    expect(res.json.deployment.metadata?.managedFields).toBeUndefined();
    expect((await read()).spec?.replicas).toBe(3);
    await rolledOut();
  });

  it('restarts like kubectl rollout restart: a restartedAt template annotation', async () => {
    const before = await read();
    const res = await act('restart', { resourceVersion: before.metadata?.resourceVersion });
    expect(res.status).toBe(200);
    const after = await read();
    const stamp = after.spec?.template?.metadata?.annotations?.[RESTARTED_AT_ANNOTATION] ?? '';
    expect(stamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Math.abs(Date.parse(stamp) - Date.now())).toBeLessThan(60_000);
    expect(after.metadata?.generation).toBe((before.metadata?.generation ?? 0) + 1);
    await rolledOut();
  });

  it('pauses and resumes (spec.paused)', async () => {
    const paused = await actFresh('pause', {});
    expect(paused.status).toBe(200);
    expect((await read()).spec?.paused).toBe(true);
    // A paused Deployment can't be restarted or rolled back (kubectl says the same).
    const restart = await actFresh('restart', {});
    expect(restart.status).toBe(400);
    expect(restart.json.error.message).toMatch(/paused/);
    const undo = await actFresh('undo', {});
    expect(undo.status).toBe(400);
    expect(undo.json.error.message).toMatch(/cannot roll back a paused deployment/);
    const resumed = await actFresh('resume', {});
    expect(resumed.status).toBe(200);
    expect((await read()).spec?.paused).toBeFalsy();
  });

  it('sets an image: the dry run returns the would-be object and changes nothing, then applies', async () => {
    // Both writes below carry the resourceVersion read here on purpose (the one the user saw), so the
    // controller must be done writing status after the previous test's resume first.
    const before = await settled();
    const dry = await act('image', {
      container: 'web',
      image: 'registry.invalid/web:2',
      resourceVersion: before.metadata?.resourceVersion,
      dryRun: true,
    });
    expect(dry.status).toBe(200);
    expect(dry.json.dryRun).toBe(true);
    expect(dry.json.deployment.spec?.template?.spec?.containers[0]?.image).toBe('registry.invalid/web:2');
    const unchanged = await read();
    expect(unchanged.metadata?.generation).toBe(before.metadata?.generation);
    expect(unchanged.spec?.template?.spec?.containers[0]?.image).toBe('registry.invalid/web:1');

    const applied = await act('image', {
      container: 'web',
      image: 'registry.invalid/web:2',
      resourceVersion: before.metadata?.resourceVersion,
    });
    expect(applied.status).toBe(200);
    expect((await read()).spec?.template?.spec?.containers[0]?.image).toBe('registry.invalid/web:2');
    await rolledOut();
  });

  it('lists the revision history from the ReplicaSets, with images, change-cause and templates', async () => {
    const res = await fetch(`${url}/api/deployments/${ns.name}/web/history`);
    expect(res.status).toBe(200);
    const history = (await res.json()) as HistoryResponse;
    expect(history.revisions.map((r) => r.revision)).toEqual([1, 2, 3]);
    expect(history.currentRevision).toBe(3);
    expect(history.revisions.map((r) => r.images)).toEqual([
      ['registry.invalid/web:1'],
      ['registry.invalid/web:1'],
      ['registry.invalid/web:2'],
    ]);
    expect(history.revisions[2]?.changeCause).toBe('set image deployment/web web=registry.invalid/web:2');
    expect(history.revisions[2]?.current).toBe(true);
    expect(history.revisions[0]?.template.metadata?.labels?.['pod-template-hash']).toBeUndefined();
    // The Deployment's resourceVersion when read (the controller may have written status since).
    expect(history.resourceVersion).toMatch(/^\d+$/);
  });

  it('undoes to a chosen revision: revision 1 template comes back (as a new revision 4)', async () => {
    const res = await actFresh('undo', { toRevision: 1 });
    expect(res.status).toBe(200);
    const d = await read();
    expect(d.spec?.template?.spec?.containers[0]?.image).toBe('registry.invalid/web:1');
    expect(d.spec?.template?.metadata?.annotations?.[RESTARTED_AT_ANNOTATION]).toBeUndefined();
    expect(d.spec?.template?.metadata?.labels?.['pod-template-hash']).toBeUndefined();
    await rolledOut();
    expect((await read()).metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('4');
  });

  it('undoes to the previous revision when none is given', async () => {
    const res = await actFresh('undo', {});
    expect(res.status).toBe(200);
    // Revisions now: 2 (restart, web:1), 3 (web:2), 4 (ex-1, web:1): the previous one is 3.
    expect((await read()).spec?.template?.spec?.containers[0]?.image).toBe('registry.invalid/web:2');
    await rolledOut();
  });

  it('404s with a clear message when the revision does not exist', async () => {
    const res = await actFresh('undo', { toRevision: 99 });
    expect(res.status).toBe(404);
    expect(res.json.error.message).toMatch(/has no revision 99 \(its ReplicaSets hold revisions [\d, ]+\)/);
    expect(res.json.error.field).toBe('toRevision');
  });

  it('409s with the apiserver message on a stale resourceVersion, for every action, and changes nothing', async () => {
    const stale = await rv();
    // Someone else changes the Deployment after the user looked.
    await kubectl(['-n', ns.name, 'annotate', 'deployment/web', 'touched=yes', '--overwrite']);
    const before = await read();
    expect(before.metadata?.resourceVersion).not.toBe(stale);
    const cases: Array<[string, unknown]> = [
      ['scale', { replicas: 5, resourceVersion: stale }],
      ['restart', { resourceVersion: stale }],
      ['pause', { resourceVersion: stale }],
      ['undo', { resourceVersion: stale }],
      ['image', { container: 'web', image: 'registry.invalid/web:9', resourceVersion: stale }],
      ['image', { container: 'web', image: 'registry.invalid/web:9', resourceVersion: stale, dryRun: true }],
    ];
    for (const [action, body] of cases) {
      const res = await act(action, body);
      expect(res.status, action).toBe(409);
      expect(res.json.error.reason, action).toBe('Conflict');
      expect(res.json.error.source, action).toBe('apiserver');
      expect(res.json.error.message, action).toMatch(/the object has been modified/);
    }
    // The controller may still write status; what the user could change is the same.
    const after = await read();
    expect(after.metadata?.generation).toBe(before.metadata?.generation);
    expect(after.metadata?.annotations).toEqual(before.metadata?.annotations);
    expect(after.spec).toEqual(before.spec);
  });

  it('400s on bad input, naming the field, before touching the cluster', async () => {
    const current = await read();
    const version = current.metadata?.resourceVersion ?? '';
    const generation = current.metadata?.generation;
    const cases: Array<[string, unknown, string, string?]> = [
      ['scale', { replicas: -1, resourceVersion: version }, 'replicas'],
      ['scale', { replicas: 1.5, resourceVersion: version }, 'replicas'],
      ['scale', { replicas: '3', resourceVersion: version }, 'replicas'],
      ['scale', { replicas: 3 }, 'resourceVersion'],
      ['scale', { replicas: 3, resourceVersion: '' }, 'resourceVersion'],
      ['scale', { replicas: 3, resourceVersion: version, force: true }, 'body'],
      ['restart', undefined, 'resourceVersion'],
      ['undo', { toRevision: -2, resourceVersion: version }, 'toRevision'],
      ['image', { container: 'web', image: 'Registry.invalid/UPPER:1', resourceVersion: version }, 'image'],
      ['image', { container: 'web', image: 'web 2', resourceVersion: version }, 'image'],
      ['image', { container: 'web', image: 'web:1:2', resourceVersion: version }, 'image'],
      ['image', { container: 'web', image: '', resourceVersion: version }, 'image'],
      ['image', { container: 'web', image: 'web;rm -rf', resourceVersion: version }, 'image'],
      ['image', { container: 'Web_1', image: 'web:2', resourceVersion: version }, 'container'],
      ['image', { container: 'sidecar', image: 'web:2', resourceVersion: version }, 'container'],
      ['scale', { replicas: 1, resourceVersion: version }, 'name', 'Bad_Name'],
      ['scale', { replicas: 1, resourceVersion: version }, 'name', '..%2F..%2Fpods'],
    ];
    for (const [action, body, field, name] of cases) {
      const res = await act(action, body, name ? { name } : {});
      expect(res.status, `${action} ${JSON.stringify(body)}`).toBe(400);
      expect(res.json.error.field, `${action} ${JSON.stringify(body)}`).toBe(field);
    }
    const ok = await act('image', {
      container: 'web',
      image: `registry.invalid:5000/team/web_x:2.1-rc@sha256:${'a'.repeat(64)}`,
      resourceVersion: version,
      dryRun: true,
    });
    expect(ok.status).toBe(200);
    expect((await read()).metadata?.generation).toBe(generation);
    const badNs = await fetch(`${url}/api/deployments/UPPER/web/history`);
    expect(badNs.status).toBe(400);
  });

  it('answers permission checks with SelfSubjectAccessReviews, and caches them per caller for a while', async () => {
    const q = `namespace=${ns.name}&checks=patch:deployments,patch:deployments/scale,delete:pods`;
    const countCreates = async () => {
      const text = await app.metrics.registry.getSingleMetricAsString('wheelhouse_apiserver_request_seconds');
      const line = text
        .split('\n')
        .find((l) => l.startsWith('wheelhouse_apiserver_request_seconds_count{verb="create"'));
      return Number(line?.split(' ').pop() ?? 0);
    };
    const first = await fetch(`${url}/api/permissions?${q}`);
    expect(first.status).toBe(200);
    const body = (await first.json()) as PermissionsResponse;
    expect(body.results.map((r) => [r.check, r.allowed])).toEqual([
      ['patch:deployments', true],
      ['patch:deployments/scale', true],
      ['delete:pods', true],
    ]);
    const creates = await countCreates();
    expect((await fetch(`${url}/api/permissions?${q}`)).status).toBe(200);
    expect(await countCreates()).toBe(creates);

    const bad = await fetch(`${url}/api/permissions?namespace=${ns.name}&checks=impersonate:users`);
    expect(bad.status).toBe(400);
    const noNs = await fetch(`${url}/api/permissions?checks=get:pods`);
    expect(noNs.status).toBe(400);
  });

  it('a view-only user gets 403 for every action, sees "not allowed" in permissions, and nothing changes', async () => {
    const token = await createViewerToken(kc, ns.name);
    const tm = await startBff({ env: { WHEELHOUSE_MODE: 'token' } });
    try {
      const login = await postLogin(tm.url, token);
      expect(login.status).toBe(200);
      const cookie = sessionCookie(login);

      const perms = await fetch(
        `${tm.url}/api/permissions?namespace=${ns.name}&checks=get:deployments,patch:deployments,patch:deployments/scale`,
        { headers: { Cookie: cookie } },
      );
      const { results } = (await perms.json()) as PermissionsResponse;
      expect(results.map((r) => r.allowed)).toEqual([true, false, false]);

      const history = await fetch(`${tm.url}/api/deployments/${ns.name}/web/history`, {
        headers: { Cookie: cookie },
      });
      expect(history.status).toBe(200);

      const before = await read();
      const version = before.metadata?.resourceVersion;
      const cases: Array<[string, unknown]> = [
        ['scale', { replicas: 7, resourceVersion: version }],
        ['restart', { resourceVersion: version }],
        ['pause', { resourceVersion: version }],
        ['resume', { resourceVersion: version }],
        ['undo', { resourceVersion: version }],
        ['image', { container: 'web', image: 'registry.invalid/web:7', resourceVersion: version }],
        [
          'image',
          { container: 'web', image: 'registry.invalid/web:7', resourceVersion: version, dryRun: true },
        ],
      ];
      for (const [action, body] of cases) {
        const res = await act(action, body, { base: tm.url, cookie });
        expect(res.status, action).toBe(403);
        expect(res.json.error.reason, action).toBe('Forbidden');
        expect(res.json.error.message, action).toMatch(/cannot patch resource "deployments/);
      }
      const after = await read();
      expect(after.metadata?.generation).toBe(before.metadata?.generation);
      expect(after.spec).toEqual(before.spec);

      // Without logging in: 401, not the BFF's own credentials.
      const anon = await act('scale', { replicas: 7, resourceVersion: version }, { base: tm.url });
      expect(anon.status).toBe(401);
    } finally {
      await tm.app.close();
    }
  });
});
