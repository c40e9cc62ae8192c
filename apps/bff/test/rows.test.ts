/**
 * Row-shaped subscriptions (`shape: 'row'`, pods only) against the real cluster: the rows say what
 * `kubectl get pods -o wide` prints, changes and deletions arrive as rows, and a large list's pages
 * are rows too.
 */
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import type { EventsPayload, PodListRow } from '@wheelhouse/shared-types';
import {
  addRestarts,
  createDeployment,
  createTestNamespace,
  ensureCluster,
  flipReadiness,
  kubectl,
  waitFor,
} from '@wheelhouse/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WheelhouseApp } from '../src/app';
import { ClientView, connect, startBff } from './support';

/** The keys a row has (lastRestart only when a restart's end is known): never the object's spec or status. */
const ROW_KEYS = ['ip', 'metadata', 'node', 'nominatedNode', 'readinessGates', 'ready', 'restarts', 'status'];

/** `kubectl get pods -o wide` as `name → "READY STATUS RESTARTS IP NODE NOMINATED GATES"` (RESTARTS' "(5m ago)" dropped). */
async function kubectlWide(namespace: string): Promise<Record<string, string>> {
  const out = await kubectl(['-n', namespace, 'get', 'pods', '-o', 'wide', '--no-headers']);
  const line = /^(\S+)\s+(\S+)\s+(\S+)\s+(\d+)(?: \([^)]*\))?\s+\S+\s+(\S+)\s+(\S+)\s+(<none>|\S+)\s+(\S+)$/;
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => {
        const m = line.exec(l.trim());
        if (!m) throw new Error(`unexpected kubectl line: ${l}`);
        const [, name, ...cells] = m;
        return [name, cells.join(' ')];
      }),
  );
}

/** The same cells from the rows a client holds. */
function heldCells(view: ClientView): Record<string, string> {
  return Object.fromEntries(
    [...view.byName.values()].map((o) => {
      const r = o as unknown as PodListRow;
      const cells = [r.ready, r.status, r.restarts, r.ip, r.node, r.nominatedNode, r.readinessGates];
      return [r.metadata.name, cells.join(' ')];
    }),
  );
}

const sorted = (cells: Record<string, string>) =>
  Object.entries(cells).sort(([a], [b]) => a.localeCompare(b));

const isRow = (o: unknown) =>
  Object.keys(o as object)
    .filter((k) => k !== 'lastRestart')
    .sort()
    .join() === ROW_KEYS.join();

describe('pods subscribed as rows', () => {
  let app: WheelhouseApp;
  let url: string;
  let kc: KubeConfig;
  let ns: { name: string; cleanup(): Promise<void> };
  // A namespace of this file's own with four running pods, one of them restarted: the integration
  // stage runs before `cluster seed`, so the demo namespace may not exist yet (it did not on CI).
  let pods: { name: string; cleanup(): Promise<void> };

  beforeAll(async () => {
    ({ kc } = await ensureCluster());
    ns = await createTestNamespace(kc, 'bff-rows');
    pods = await createTestNamespace(kc, 'bff-rows-list');
    await createDeployment(kc, pods.name, 'api', { replicas: 4, image: 'registry.invalid/api:1' });
    const core = kc.makeApiClient(CoreV1Api);
    const running = await waitFor(
      async () => {
        const list = await core.listNamespacedPod({ namespace: pods.name });
        const ready = list.items.filter((p) => p.status?.containerStatuses?.[0]?.ready);
        return ready.length === 4 ? ready.map((p) => p.metadata?.name as string) : false;
      },
      { timeoutMs: 60_000, intervalMs: 250, what: 'four api pods to be Running and ready' },
    );
    await addRestarts(kc, pods.name, running[0] as string, { count: 2 });
    ({ app, url } = await startBff());
  });
  afterAll(async () => {
    await app?.close();
    await ns?.cleanup();
    await pods?.cleanup();
  });

  it('holds what kubectl get pods -o wide prints for a namespace', async () => {
    const view = new ClientView(await connect(url));
    try {
      const ack = await view.subscribe({ kind: 'pods', namespace: pods.name, shape: 'row' });
      expect(ack.ok && ack.items.length).toBe(4);
      expect(ack.ok && ack.items.every(isRow)).toBe(true);
      let last: unknown;
      await waitFor(
        async () => {
          const want = await kubectlWide(pods.name);
          last = { want, held: heldCells(view) };
          return JSON.stringify(sorted(heldCells(view))) === JSON.stringify(sorted(want)) || false;
        },
        { timeoutMs: 30_000, intervalMs: 500, what: "the rows to equal kubectl's" },
      ).catch((err) => {
        throw new Error(`${(err as Error).message}\n${JSON.stringify(last, null, 1)}`);
      });
      // RESTARTS "(5m ago)": a pod that restarted carries when, as kubectl shows it.
      const restarted = [...view.byName.values()].filter((o) => (o as unknown as PodListRow).restarts > 0);
      expect(restarted).toHaveLength(1);
      expect((restarted[0] as unknown as PodListRow).lastRestart).toBeTypeOf('number');
    } finally {
      view.socket.close();
    }
  });

  it('sends a change as a row, and a deleted pod leaves', async () => {
    await createDeployment(kc, ns.name, 'web', { replicas: 1, image: 'registry.invalid/web:1' });
    const core = kc.makeApiClient(CoreV1Api);
    const name = await waitFor(
      async () => {
        const pods = await core.listNamespacedPod({ namespace: ns.name });
        const p = pods.items[0];
        return p?.status?.phase === 'Running' && p.status.containerStatuses?.[0]?.ready
          ? p.metadata?.name
          : false;
      },
      { timeoutMs: 60_000, intervalMs: 250, what: 'the web pod to be Running and ready' },
    );
    const view = new ClientView(await connect(url));
    const seen: EventsPayload['batch'] = [];
    view.socket.on('events', ({ batch }) => seen.push(...batch));
    try {
      await view.subscribe({ kind: 'pods', namespace: ns.name, shape: 'row' });
      const row = () => view.byName.get(`${ns.name}/${name}`) as unknown as PodListRow | undefined;
      expect(row()).toMatchObject({ ready: '1/1', status: 'Running', restarts: 0 });

      await flipReadiness(kc, ns.name, name as string, false);
      await addRestarts(kc, ns.name, name as string, { count: 3 });
      await waitFor(async () => row()?.ready === '0/1' && row()?.restarts === 3, {
        timeoutMs: 15_000,
        intervalMs: 100,
        what: 'the row to show READY 0/1 and RESTARTS 3',
      });
      expect(row()?.lastRestart).toBeTypeOf('number');
      expect(await kubectlWide(ns.name)).toMatchObject({ [name as string]: heldCells(view)[name as string] });

      await kubectl(['-n', ns.name, 'delete', 'pod', name as string, '--wait=false']);
      await waitFor(async () => row() === undefined, {
        timeoutMs: 30_000,
        intervalMs: 100,
        what: 'the deleted pod to leave',
      });
      const deleted = seen.find((e) => e.type === 'DELETED' && e.object.metadata?.name === name);
      expect(deleted && isRow(deleted.object)).toBe(true);
      expect(seen.every((e) => isRow(e.object))).toBe(true);
    } finally {
      view.socket.close();
    }
  });

  it('serves rows and objects of the same pods from one informer, rows narrowed from an all-namespaces one', async () => {
    const objects = new ClientView(await connect(url));
    const rows = new ClientView(await connect(url));
    try {
      await objects.subscribe({ kind: 'pods' });
      const before = app.hub.stats();
      const ack = await rows.subscribe({ kind: 'pods', namespace: pods.name, shape: 'row' });
      expect(app.hub.stats()).toMatchObject({ informers: before.informers, narrowed: before.narrowed + 1 });
      expect(ack.ok && ack.items.length).toBe(4);
      expect(ack.ok && ack.items.every(isRow)).toBe(true);
      const mine = [...objects.byName.values()].filter((o) => o.metadata?.namespace === pods.name);
      expect(mine).toHaveLength(4);
      expect(mine.every((o) => 'spec' in o)).toBe(true);
      // Both converge on the same pods at the same versions.
      await waitFor(
        async () =>
          JSON.stringify(Object.entries(rows.versions()).sort()) ===
          JSON.stringify(
            Object.entries(objects.versions())
              .filter(([k]) => k.startsWith(`${pods.name}/`))
              .sort(),
          ),
        { timeoutMs: 15_000, intervalMs: 100, what: 'rows and objects to agree' },
      );
    } finally {
      objects.socket.close();
      rows.socket.close();
    }
  });

  it('refuses rows of configmaps with a 400 naming the shape', async () => {
    const view = new ClientView(await connect(url));
    try {
      const ack = await view.subscribe({ kind: 'configmaps', namespace: ns.name, shape: 'row' });
      expect(ack).toMatchObject({
        ok: false,
        error: { code: 400, reason: 'BadRequest', field: 'shape' },
      });
      expect(!ack.ok && ack.error.message).toMatch(/shape "row" is for pods only/);
    } finally {
      view.socket.close();
    }
  });

  it("sends a large list's first page and the pages after it as rows (cold and warm)", async () => {
    const small = await startBff({ env: { WHEELHOUSE_LIST_CHUNK: '2' } });
    const views: ClientView[] = [];
    try {
      // The first viewer makes the informer list in pages (cold); the second, while the first keeps
      // it running, gets the cache split into a first page and the rest (warm).
      for (const _run of ['cold', 'warm']) {
        const view = new ClientView(await connect(small.url));
        views.push(view);
        const pages: EventsPayload[] = [];
        view.socket.on('events', (p) => pages.push(p));
        const ack = await view.subscribe({ kind: 'pods', namespace: pods.name, shape: 'row' });
        expect(ack.ok && ack.progress?.complete).toBe(false);
        await waitFor(async () => pages.some((p) => p.progress?.complete), {
          timeoutMs: 30_000,
          intervalMs: 50,
          what: 'the snapshot to complete',
        });
        expect(ack.ok && ack.items.every(isRow)).toBe(true);
        expect(pages.flatMap((p) => p.batch).every((e) => isRow(e.object))).toBe(true);
        expect(Object.keys(heldCells(view))).toHaveLength(4);
        expect(Object.keys(heldCells(view)).sort()).toEqual(Object.keys(await kubectlWide(pods.name)).sort());
      }
    } finally {
      for (const v of views) v.socket.close();
      await small.app.close();
    }
  });
});
