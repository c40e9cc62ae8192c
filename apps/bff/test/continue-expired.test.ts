/**
 * An expired continue token in the middle of a progressive first LIST, against the real cluster.
 *
 * Since Kubernetes 1.34 the apiserver serves a paginated LIST from its watch cache's snapshots, so
 * compacting etcd alone no longer expires a continue token. After a kube-apiserver restart its cache
 * has no snapshot of the old resourceVersion: the next page falls through to etcd, and once etcd has
 * compacted past it the apiserver answers 410 Expired ("The provided continue parameter is too old to
 * display a consistent list result"). The informer must then start the LIST over and never stitch
 * pages of two snapshots: whoever got pages of the first attempt gets the whole list of the second as
 * one resync.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CoreV1Api, type KubeConfig, type KubernetesObject } from '@kubernetes/client-node';
import { createTestNamespace, ensureCluster, waitFor } from '@wheelhouse/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InformerListener, SharedInformer } from '../src/watch/shared-informer';

const clusterScript = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../tools/cluster/cluster',
);
const CONFIGMAPS = 12;
const FIRST_PAGE = 5;

const key = (o: KubernetesObject) => `${o.metadata?.name}@${o.metadata?.resourceVersion}`;

describe('an expired continue token during the first LIST', () => {
  let kc: KubeConfig;
  let kubeconfigPath: string;
  let ns: { name: string; cleanup(): Promise<void> };

  beforeAll(async () => {
    ({ kc, kubeconfigPath } = await ensureCluster());
    ns = await createTestNamespace(kc, 'bff-continue');
    const core = kc.makeApiClient(CoreV1Api);
    for (let i = 0; i < CONFIGMAPS; i++) {
      await core.createNamespacedConfigMap({
        namespace: ns.name,
        body: { metadata: { name: `cm-${String(i).padStart(2, '0')}` }, data: { v: '1' } },
      });
    }
  }, 120_000);
  afterAll(async () => {
    await ns?.cleanup();
  });

  it('starts the LIST over and hands the pages already sent a resync to one consistent list', async () => {
    const informer = new SharedInformer(
      kc,
      { kind: 'configmaps', namespace: ns.name },
      { listChunk: FIRST_PAGE },
    );
    const chunks: number[] = [];
    const resyncs: KubernetesObject[][] = [];
    let completed = 0;
    let broken = false;
    const listener: InformerListener = {
      onEvent: () => undefined,
      onChunk: (items) => {
        chunks.push(items.length);
        if (broken) return;
        broken = true;
        // Between the first page and the next: the apiserver restarts (its cache forgets the
        // snapshot the token points into), the world moves on, and etcd compacts past the token.
        // Synchronous on purpose: the request for the next page, already made (pagedList asks for
        // it before handing this one out), is only sent once this returns — kubeRequest awaits the
        // kubeconfig's authentication first — so it meets the restarted apiserver.
        const env = { ...process.env, KUBECONFIG: kubeconfigPath };
        execFileSync(clusterScript, ['restart', 'kube-apiserver'], {
          env,
          timeout: 120_000,
          stdio: 'ignore',
        });
        const kubectl = execFileSync(clusterScript, ['bin'], { encoding: 'utf8' }).trim();
        execFileSync(
          `${kubectl}/kubectl`,
          ['--kubeconfig', kubeconfigPath, '-n', ns.name, 'create', 'configmap', 'made-mid-list'],
          { timeout: 60_000, stdio: 'ignore' },
        );
        execFileSync(clusterScript, ['compact'], { env, timeout: 60_000, stdio: 'ignore' });
      },
      onComplete: () => {
        completed++;
      },
      onResync: (items) => {
        resyncs.push(items);
      },
      onStatus: () => undefined,
    };
    informer.listeners.add(listener);
    informer.start();
    try {
      await informer.whenSynced();
      await waitFor(async () => resyncs.length > 0, {
        timeoutMs: 10_000,
        intervalMs: 50,
        what: 'the listener to be resynced to the restarted list',
      });

      const fresh = await kc.makeApiClient(CoreV1Api).listNamespacedConfigMap({ namespace: ns.name });
      const truth = fresh.items.map((o) => key(o as KubernetesObject)).sort();
      // Our configmaps, the one made mid-list and the namespace's kube-root-ca.crt.
      expect(truth).toHaveLength(CONFIGMAPS + 2);
      // The first attempt's page, then the restarted list from its first page: the same pages
      // again and the one made mid-list (pages of 5, then 50).
      expect(chunks[0]).toBe(FIRST_PAGE);
      expect(chunks.slice(1)).toEqual([FIRST_PAGE, CONFIGMAPS + 2 - FIRST_PAGE]);
      // Not "complete" on top of a stitched list: one resync with exactly what a fresh LIST says.
      expect(completed).toBe(0);
      expect(resyncs).toHaveLength(1);
      expect((resyncs[0] ?? []).map(key).sort()).toEqual(truth);
      expect(informer.items().map(key).sort()).toEqual(truth);
      expect(informer.relists).toBe(1);
    } finally {
      informer.stop();
    }
  });
});
