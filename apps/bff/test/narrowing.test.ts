/**
 * One watch where one suffices, against the real cluster: with the all-namespaces ConfigMaps
 * informer running, a namespace's ConfigMaps and a labelled subset of them are served by filtering
 * it — no informer (LIST + WATCH) of their own — and each view still ends exactly where a fresh
 * LIST of its own scope says, labels changing in and out of the selector included.
 */
import { CoreV1Api, type KubeConfig, type V1ConfigMap } from '@kubernetes/client-node';
import { createTestNamespace, ensureCluster, waitFor } from '@wheelhouse/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WheelhouseApp } from '../src/app';
import { ClientView, connect, startBff } from './support';

describe('narrower subscriptions served from a wider informer', () => {
  let app: WheelhouseApp;
  let url: string;
  let kc: KubeConfig;
  let ns: { name: string; cleanup(): Promise<void> };
  let other: { name: string; cleanup(): Promise<void> };

  beforeAll(async () => {
    ({ kc } = await ensureCluster());
    ns = await createTestNamespace(kc, 'bff-narrow');
    other = await createTestNamespace(kc, 'bff-narrow-other');
    ({ app, url } = await startBff());
  });
  afterAll(async () => {
    await app?.close();
    await ns?.cleanup();
    await other?.cleanup();
  });

  it('serves a namespace and a label selector from the all-namespaces informer, one watch for all three', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const cm = (name: string, tier: string): V1ConfigMap => ({
      metadata: { name, labels: { tier } },
      data: {},
    });
    await core.createNamespacedConfigMap({ namespace: ns.name, body: cm('a', 'web') });
    const all = new ClientView(await connect(url));
    const mine = new ClientView(await connect(url));
    const web = new ClientView(await connect(url));
    try {
      expect((await all.subscribe({ kind: 'configmaps' })).ok).toBe(true);
      expect((await mine.subscribe({ kind: 'configmaps', namespace: ns.name })).ok).toBe(true);
      expect(
        (await web.subscribe({ kind: 'configmaps', namespace: ns.name, labelSelector: 'tier=web' })).ok,
      ).toBe(true);
      expect(app.hub.stats()).toMatchObject({ informers: 1, narrowed: 2 });
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics).toMatch(/^wheelhouse_narrowed_subscriptions 2$/m);

      // Changes in and out of each scope: a new object in the namespace and one elsewhere, and a
      // label change that takes an object out of the selector (the apiserver would say DELETED).
      await core.createNamespacedConfigMap({ namespace: ns.name, body: cm('b', 'web') });
      await core.createNamespacedConfigMap({ namespace: other.name, body: cm('c', 'web') });
      const a = await core.readNamespacedConfigMap({ namespace: ns.name, name: 'a' });
      await core.replaceNamespacedConfigMap({
        namespace: ns.name,
        name: 'a',
        body: { ...a, metadata: { ...a.metadata, labels: { tier: 'db' } } },
      });
      await waitFor(
        async () => {
          const inNs = (await core.listNamespacedConfigMap({ namespace: ns.name })).items;
          const webs = (await core.listNamespacedConfigMap({ namespace: ns.name, labelSelector: 'tier=web' }))
            .items;
          return mine.matches(inNs) && web.matches(webs) && webs.length === 1;
        },
        { timeoutMs: 20_000, intervalMs: 200, what: 'each narrowed view to match its own fresh LIST' },
      );
      expect([...web.byName.keys()]).toEqual([`${ns.name}/b`]);
      expect([...mine.byName.keys()].some((k) => k.startsWith(`${other.name}/`))).toBe(false);
      expect(all.byName.has(`${other.name}/c`)).toBe(true);
      expect(app.hub.stats().informers).toBe(1);
    } finally {
      for (const v of [all, mine, web]) v.socket.close();
    }
  });
});
