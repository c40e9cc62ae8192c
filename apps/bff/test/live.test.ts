import { CoreV1Api } from '@kubernetes/client-node';
import { createDeployment, kubectl, namespacedWatchCount, waitFor } from '@wheelhouse/testkit';
import { describe, expect, it } from 'vitest';
import { bffAndNamespace, ClientView, connect } from './support';

/** Namespace-scoped WATCH requests open on the apiserver right now (from its /metrics). */
async function namespacedWatches(resource: string): Promise<number> {
  return namespacedWatchCount(await kubectl(['get', '--raw', '/metrics']), resource);
}

describe('live subscriptions against the real cluster', () => {
  const t = bffAndNamespace('bff-live');

  it('serves 50 sockets from one apiserver watch and every socket sees every pod change', async () => {
    const before = await namespacedWatches('pods');
    const views = await Promise.all(
      Array.from({ length: 50 }, async () => new ClientView(await connect(t.url))),
    );
    try {
      const acks = await Promise.all(views.map((v) => v.subscribe({ kind: 'pods', namespace: t.ns.name })));
      expect(acks.every((a) => a.ok)).toBe(true);
      expect(t.app.hub.stats().informers).toBe(1);

      await createDeployment(t.kc, t.ns.name, 'fanout', { replicas: 3, image: 'registry.invalid/fanout:1' });
      // Every client ends with 3 pods, all Running, matching a fresh LIST.
      const core = t.kc.makeApiClient(CoreV1Api);
      await waitFor(
        async () => {
          const list = await core.listNamespacedPod({ namespace: t.ns.name });
          if (list.items.length !== 3 || list.items.some((p) => p.status?.phase !== 'Running')) return false;
          return views.every((v) => v.matches(list.items));
        },
        { timeoutMs: 60_000, intervalMs: 250, what: 'all 50 clients to hold the 3 Running pods' },
      );
      // One namespaced pods WATCH more than before, however many clients.
      const extra = await waitFor(
        async () => {
          const n = (await namespacedWatches('pods')) - before;
          return n === 1 ? n : false;
        },
        { timeoutMs: 35_000, intervalMs: 500, what: 'the apiserver to show exactly one new pods watch' },
      );
      expect(extra).toBe(1);
    } finally {
      for (const v of views) v.socket.close();
    }
  });

  it('converges to a fresh LIST after a burst of creates, updates and deletes', async () => {
    const views = [new ClientView(await connect(t.url)), new ClientView(await connect(t.url))];
    try {
      for (const v of views)
        expect((await v.subscribe({ kind: 'configmaps', namespace: t.ns.name })).ok).toBe(true);
      const core = t.kc.makeApiClient(CoreV1Api);
      const names = Array.from({ length: 30 }, (_, i) => `burst-${i}`);
      await Promise.all(
        names.map((name) =>
          core.createNamespacedConfigMap({
            namespace: t.ns.name,
            body: { metadata: { name }, data: { v: '0' } },
          }),
        ),
      );
      await Promise.all(
        names.slice(0, 20).map((name) =>
          core.replaceNamespacedConfigMap({
            name,
            namespace: t.ns.name,
            body: { metadata: { name }, data: { v: '1' } },
          }),
        ),
      );
      await Promise.all(
        names.slice(20).map((name) => core.deleteNamespacedConfigMap({ name, namespace: t.ns.name })),
      );
      await waitFor(
        async () => {
          const list = await core.listNamespacedConfigMap({ namespace: t.ns.name });
          return views.every((v) => v.matches(list.items));
        },
        { timeoutMs: 20_000, intervalMs: 200, what: 'both clients to equal a fresh LIST of configmaps' },
      );
      const updated = views[0]?.byName.get(`${t.ns.name}/burst-3`) as
        | { data?: Record<string, string> }
        | undefined;
      expect(updated?.data?.v).toBe('1');
      expect(views[0]?.byName.has(`${t.ns.name}/burst-25`)).toBe(false);
    } finally {
      for (const v of views) v.socket.close();
    }
  });

  it('narrows a subscription with a label selector on the server', async () => {
    const core = t.kc.makeApiClient(CoreV1Api);
    await core.createNamespacedConfigMap({
      namespace: t.ns.name,
      body: { metadata: { name: 'sel-a', labels: { tier: 'web', team: 'a' } } },
    });
    await core.createNamespacedConfigMap({
      namespace: t.ns.name,
      body: { metadata: { name: 'sel-b', labels: { tier: 'db', team: 'a' } } },
    });
    const v = new ClientView(await connect(t.url));
    try {
      const ack = await v.subscribe({
        kind: 'configmaps',
        namespace: t.ns.name,
        labelSelector: 'team = a, tier notin (db)',
      });
      expect(ack.ok).toBe(true);
      expect([...v.byName.keys()]).toEqual([`${t.ns.name}/sel-a`]);
    } finally {
      v.socket.close();
    }
  });

  it('sends Secret keys and sizes but never their values', async () => {
    const core = t.kc.makeApiClient(CoreV1Api);
    const v = new ClientView(await connect(t.url));
    const seen: string[] = [];
    v.socket.onAny((_event, payload) => seen.push(JSON.stringify(payload)));
    try {
      expect((await v.subscribe({ kind: 'secrets', namespace: t.ns.name })).ok).toBe(true);
      await core.createNamespacedSecret({
        namespace: t.ns.name,
        body: {
          metadata: { name: 'db-creds' },
          stringData: { password: 'hunter2-very-secret', user: 'admin' },
        },
      });
      const s = await waitFor(async () => v.byName.get(`${t.ns.name}/db-creds`), {
        timeoutMs: 10_000,
        intervalMs: 100,
        what: 'the secret to arrive',
      });
      expect((s as { dataSizes?: Record<string, number> }).dataSizes).toEqual({ password: 19, user: 5 });
      expect((s as { data?: unknown }).data).toBeUndefined();
      const all = seen.join('\n');
      expect(all).not.toContain('hunter2');
      expect(all).not.toContain(Buffer.from('hunter2-very-secret').toString('base64'));
    } finally {
      v.socket.close();
    }
  });

  it('refuses malformed subscriptions with a 400 that says what is wrong', async () => {
    const socket = await connect(t.url);
    try {
      const cases: Array<[unknown, RegExp]> = [
        [{ kind: 'widgets' }, /kind/],
        [{ kind: 'pods', namespace: 'Not_A_Namespace' }, /namespace/],
        [{ kind: 'pods', labelSelector: 'app in (a,b' }, /label selector/],
        [{ kind: 'pods', labelSelector: 'a b c' }, /label selector/],
        [{ kind: 'nodes', namespace: 'default' }, /cluster-scoped/],
        [{ kind: 'pods', extra: true }, /invalid subscribe request/],
        ['pods', /invalid subscribe request/],
        [{ kind: 'pods', labelSelector: 'x'.repeat(5000) }, /labelSelector/],
      ];
      for (const [payload, message] of cases) {
        // biome-ignore lint/suspicious/noExplicitAny: deliberately sending what the types forbid
        const ack = await socket.timeout(5000).emitWithAck('subscribe', payload as any);
        expect(ack.ok, JSON.stringify(payload)).toBe(false);
        if (!ack.ok) {
          expect(ack.error.code).toBe(400);
          expect(ack.error.message).toMatch(message);
        }
      }
      const sel = await socket
        .timeout(5000)
        .emitWithAck('subscribe', { kind: 'pods', labelSelector: 'app in (a,b' });
      expect(!sel.ok && typeof sel.error.position === 'number').toBe(true);
    } finally {
      socket.close();
    }
  });

  it('refuses a socket handshake from a foreign origin or a rebinding host', async () => {
    await expect(connect(t.url, 'https://evil.example')).rejects.toThrow();
    const port = new URL(t.url).port;
    await expect(
      connect(`http://127.0.0.1:${port}`, `http://localhost:${Number(port) + 1}`),
    ).rejects.toThrow();
    const ok = await connect(t.url);
    ok.close();
  });

  it('stops the shared informer after the last subscriber leaves', async () => {
    const v = new ClientView(await connect(t.url));
    expect((await v.subscribe({ kind: 'services', namespace: t.ns.name })).ok).toBe(true);
    expect(t.app.hub.stats().byKind.services).toBe(1);
    v.socket.close();
    await waitFor(async () => (t.app.hub.stats().byKind.services ?? 0) === 0, {
      timeoutMs: 5000,
      intervalMs: 50,
      what: 'the services informer to stop after its grace period',
    });
  });
});
