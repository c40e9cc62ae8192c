/**
 * Progressive snapshots against the real cluster, with a tiny first page (WHEELHOUSE_LIST_CHUNK=2,
 * later pages 20): the first subscriber of a list the BFF is not watching gets the first page at
 * once, the rest as `events` pages with their progress, and ends — like every later subscriber —
 * holding exactly what a fresh LIST says; changes after that arrive as ordinary events.
 */
import { CoreV1Api } from '@kubernetes/client-node';
import type { ListProgress } from '@wheelhouse/shared-types';
import { waitFor } from '@wheelhouse/testkit';
import { describe, expect, it } from 'vitest';
import { bffAndNamespace, ClientView, connect } from './support';

const CONFIGMAPS = 45;

describe('progressive snapshots (first page 2, then 20)', () => {
  const t = bffAndNamespace('bff-progressive', {
    bff: { env: { WHEELHOUSE_LIST_CHUNK: '2' } },
    seed: async (kc, ns) => {
      const core = kc.makeApiClient(CoreV1Api);
      for (let i = 0; i < CONFIGMAPS; i++) {
        await core.createNamespacedConfigMap({
          namespace: ns.name,
          body: { metadata: { name: `cm-${String(i).padStart(2, '0')}` }, data: { i: String(i) } },
        });
      }
    },
  });

  it('answers with the first page, sends the rest in pages with their progress, and converges to a fresh LIST', async () => {
    const core = t.kc.makeApiClient(CoreV1Api);
    const fresh = await core.listNamespacedConfigMap({ namespace: t.ns.name });
    const total = fresh.items.length; // ours, and the namespace's kube-root-ca.crt
    const view = new ClientView(await connect(t.url));
    const progress: ListProgress[] = [];
    let paged = 0;
    view.socket.on('events', (p) => {
      if (!p.progress) return;
      progress.push(p.progress);
      paged += p.batch.length;
      expect(p.batch.every((e) => e.type === 'ADDED')).toBe(true);
    });
    try {
      const ack = await view.subscribe({ kind: 'configmaps', namespace: t.ns.name });
      if (!ack.ok) throw new Error(ack.error.message);
      // The first page only, and the apiserver's estimate of the whole.
      expect(ack.items).toHaveLength(2);
      expect(ack.progress).toEqual({ loaded: 2, total, complete: false });
      await waitFor(async () => progress.at(-1)?.complete === true, {
        timeoutMs: 30_000,
        intervalMs: 50,
        what: 'the last page of the snapshot',
      });
      // Pages of 20 after the first 2 (those arriving within one ~50 ms tick share a batch), each
      // with what has arrived so far, every object once.
      const loaded = progress.map((p) => p.loaded);
      expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
      expect(loaded.every((n) => n === total || (n - 2) % 20 === 0)).toBe(true);
      expect(progress.at(-1)).toEqual({ loaded: total, total, complete: true });
      expect(paged).toBe(total - 2);
      expect(view.matches(fresh.items)).toBe(true);
      expect(view.resyncs).toBe(0);

      // A warm informer answers the next subscriber from its cache the same way: the first page in
      // the ack, the rest right after it.
      const second = new ClientView(await connect(t.url));
      const warmProgress: ListProgress[] = [];
      second.socket.on('events', (p) => {
        if (p.progress) warmProgress.push(p.progress);
      });
      try {
        const warm = await second.subscribe({ kind: 'configmaps', namespace: t.ns.name });
        if (!warm.ok) throw new Error(warm.error.message);
        expect(warm.items).toHaveLength(2);
        expect(warm.progress).toEqual({ loaded: 2, total, complete: false });
        await waitFor(async () => warmProgress.at(-1)?.complete === true, {
          timeoutMs: 10_000,
          intervalMs: 50,
          what: 'the rest of the warm snapshot',
        });
        expect(second.matches(fresh.items)).toBe(true);
      } finally {
        second.socket.close();
      }

      // The watch started where the paged LIST's snapshot was: later changes arrive as events.
      const cm = await core.readNamespacedConfigMap({ namespace: t.ns.name, name: 'cm-07' });
      await core.replaceNamespacedConfigMap({
        namespace: t.ns.name,
        name: 'cm-07',
        body: { ...cm, data: { i: 'changed' } },
      });
      await core.deleteNamespacedConfigMap({ namespace: t.ns.name, name: 'cm-08' });
      await waitFor(
        async () => view.matches((await core.listNamespacedConfigMap({ namespace: t.ns.name })).items),
        { timeoutMs: 20_000, intervalMs: 200, what: 'the client to follow the changes after the snapshot' },
      );
      expect(t.app.hub.stats().informers).toBe(1);
    } finally {
      view.socket.close();
    }
  });
});
