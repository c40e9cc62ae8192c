import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { createTestNamespace, ensureCluster, flipReadiness, kubectl, waitFor } from '@wheelhouse/testkit';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type WheelhouseApp } from '../src/app';
import { loadConfig } from '../src/config';
import { WatchHub } from '../src/watch/hub';
import type { Clock } from '../src/watch/shared-informer';
import { ClientView, connect } from './support';

const clusterScript = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../tools/cluster/cluster',
);
const run = promisify(execFile);
const cluster = (...args: string[]) => run(clusterScript, args, { timeout: 120_000 });

/**
 * Real timers, except while `held`: then every timer (informer restarts, ListWatch reconnect delays)
 * waits until `release()`. Lets a test decide exactly when the BFF re-watches.
 */
function holdableClock() {
  let held = false;
  const queue: Array<() => void> = [];
  const clock: Clock = {
    setTimeout: (fn, ms) => {
      if (held) {
        queue.push(fn);
        return { held: fn };
      }
      return setTimeout(fn, ms);
    },
    clearTimeout: (h) => {
      if (h && typeof h === 'object' && 'held' in h) {
        const i = queue.indexOf((h as { held: () => void }).held);
        if (i >= 0) queue.splice(i, 1);
      } else clearTimeout(h as NodeJS.Timeout);
    },
  };
  return {
    clock,
    hold: () => {
      held = true;
    },
    queued: () => queue.length,
    release: () => {
      held = false;
      for (const fn of queue.splice(0)) setTimeout(fn, 0);
    },
  };
}

describe('faults: apiserver restart and 410 Gone', () => {
  let app: WheelhouseApp;
  let url: string;
  let kc: KubeConfig;
  let ns: { name: string; cleanup(): Promise<void> };
  const timers = holdableClock();

  beforeAll(async () => {
    const c = await ensureCluster();
    kc = c.kc;
    ns = await createTestNamespace(kc, 'bff-faults');
    const config = loadConfig({
      KUBECONFIG: c.kubeconfigPath,
      WHEELHOUSE_PORT: '0',
      WHEELHOUSE_LOG_LEVEL: 'silent',
    });
    app = createApp(config, {
      log: pino({ level: 'silent' }),
      hub: new WatchHub({ graceMs: 200, clock: timers.clock }),
    });
    url = `http://127.0.0.1:${(await app.listen()).port}`;
  });
  afterAll(async () => {
    timers.release();
    await app?.close();
    await ns?.cleanup();
  });

  it('resyncs every client to a fresh LIST after the apiserver restarts and etcd compacted past its watch', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    for (const name of ['keep', 'drop', 'change']) {
      await core.createNamespacedConfigMap({
        namespace: ns.name,
        body: { metadata: { name }, data: { v: '1' } },
      });
    }
    const views = [new ClientView(await connect(url)), new ClientView(await connect(url))];
    try {
      for (const v of views)
        expect((await v.subscribe({ kind: 'configmaps', namespace: ns.name })).ok).toBe(true);
      for (const name of ['keep', 'drop', 'change'])
        expect(views[0]?.byName.has(`${ns.name}/${name}`)).toBe(true);

      // The apiserver goes away; the BFF's informer wants to re-watch, and we hold it back.
      timers.hold();
      await cluster('stop', 'kube-apiserver');
      await waitFor(async () => timers.queued() > 0, {
        timeoutMs: 30_000,
        intervalMs: 100,
        what: 'the informer to notice the apiserver is gone and schedule a re-watch',
      });
      await cluster('start', 'kube-apiserver');

      // A tab that subscribes now gets the cache's snapshot, and is told the watch is down: it
      // must not show "Live" while the informer waits to re-watch.
      const late = new ClientView(await connect(url));
      views.push(late);
      expect((await late.subscribe({ kind: 'configmaps', namespace: ns.name })).ok).toBe(true);
      await waitFor(async () => late.status === 'reconnecting', {
        timeoutMs: 10_000,
        intervalMs: 50,
        what: 'the late subscriber to be told the watch is reconnecting',
      });

      // The world moves on while the BFF is not watching, then history is compacted away.
      await waitFor(async () => (await core.listNamespacedConfigMap({ namespace: ns.name })) && true, {
        timeoutMs: 30_000,
        intervalMs: 250,
        what: 'the apiserver to serve again',
      });
      await core.deleteNamespacedConfigMap({ name: 'drop', namespace: ns.name });
      await core.replaceNamespacedConfigMap({
        name: 'change',
        namespace: ns.name,
        body: { metadata: { name: 'change' }, data: { v: '2' } },
      });
      await core.createNamespacedConfigMap({
        namespace: ns.name,
        body: { metadata: { name: 'new' }, data: { v: '1' } },
      });
      await cluster('compact');

      timers.release();
      const list = await core.listNamespacedConfigMap({ namespace: ns.name });
      await waitFor(async () => views.every((v) => v.matches(list.items)), {
        timeoutMs: 60_000,
        intervalMs: 200,
        what: 'every client to equal a fresh LIST after the relist',
      });
      await waitFor(async () => late.status === 'live', {
        timeoutMs: 30_000,
        intervalMs: 100,
        what: 'the late subscriber to be told the watch is live again',
      });
      for (const v of views) {
        expect(v.resyncs).toBeGreaterThanOrEqual(1);
        expect(v.byName.has(`${ns.name}/drop`)).toBe(false); // no ghost
        expect((v.byName.get(`${ns.name}/change`) as { data?: { v?: string } }).data?.v).toBe('2');
      }
    } finally {
      timers.release();
      for (const v of views) v.socket.close();
    }
  });

  it('brings a Pods list held as rows back to a fresh LIST after the same outage, with the cells kubectl prints', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const run = (name: string) =>
      kubectl(['-n', ns.name, 'run', name, '--image=registry.invalid/x:1', '--restart=Never']);
    for (const name of ['keep', 'drop', 'flip']) await run(name);
    const ready = async () => {
      const pods = (await core.listNamespacedPod({ namespace: ns.name })).items;
      return pods.length > 0 && pods.every((p) => p.status?.containerStatuses?.[0]?.ready === true);
    };
    await waitFor(ready, { timeoutMs: 60_000, intervalMs: 250, what: 'the pods to be ready' });
    const view = new ClientView(await connect(url));
    try {
      expect((await view.subscribe({ kind: 'pods', namespace: ns.name, shape: 'row' })).ok).toBe(true);

      timers.hold();
      await cluster('stop', 'kube-apiserver');
      await waitFor(async () => timers.queued() > 0, {
        timeoutMs: 30_000,
        intervalMs: 100,
        what: 'the informer to schedule a re-watch',
      });
      await cluster('start', 'kube-apiserver');
      await waitFor(async () => (await core.listNamespacedPod({ namespace: ns.name })) && true, {
        timeoutMs: 30_000,
        intervalMs: 250,
        what: 'the apiserver to serve again',
      });
      await kubectl(['-n', ns.name, 'delete', 'pod', 'drop', '--grace-period=0', '--force']);
      await flipReadiness(kc, ns.name, 'flip', false);
      await run('new');
      await cluster('compact');

      timers.release();
      let last = '';
      await waitFor(
        async () => {
          const list = await core.listNamespacedPod({ namespace: ns.name });
          last = JSON.stringify({
            list: list.items.map((p) => [p.metadata?.name, p.metadata?.resourceVersion]),
            held: view.versions(),
          });
          return view.matches(list.items);
        },
        { timeoutMs: 60_000, intervalMs: 200, what: 'the rows to equal a fresh LIST after the relist' },
      ).catch((err) => {
        throw new Error(`${(err as Error).message}: ${last}`);
      });
      expect(view.resyncs).toBeGreaterThanOrEqual(1);
      expect(view.byName.has(`${ns.name}/drop`)).toBe(false);
      expect(view.byName.get(`${ns.name}/flip`)).toMatchObject({ ready: '0/1', status: 'Running' });
      expect(view.byName.get(`${ns.name}/keep`)).not.toHaveProperty('spec');
    } finally {
      timers.release();
      view.socket.close();
    }
  });
});
