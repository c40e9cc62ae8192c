/**
 * Create from YAML (POST /api/objects/apply) and delete (DELETE /api/objects/:kind/:ns/:name) against
 * the real local cluster: one result per document, created / configured / unchanged / error, a dry run
 * that stores nothing but shows admission (a LimitRange's defaults), server-side apply conflicts in the
 * apiserver's words, and deletes conditional on the resourceVersion the user saw.
 */
import { AppsV1Api, CoreV1Api, type KubeConfig, type V1Pod } from '@kubernetes/client-node';
import {
  createDeployment,
  createTestNamespace,
  ensureCluster,
  isNotFound,
  kubectl,
  waitFor,
} from '@wheelhouse/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WheelhouseApp } from '../src/app';
import { memoryLogger, startBff } from './support';
import { auditLines, writesOf } from './writes-support';

const shop = (replicas: number) => `# a Deployment and its Service, as one paste
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  labels: { app: shop }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: shop } }
  template:
    metadata: { labels: { app: shop } }
    spec:
      containers:
      - name: shop
        image: registry.invalid/shop:1
        ports: [{ name: http, containerPort: 8080 }]
---
apiVersion: v1
kind: Service
metadata:
  name: shop
spec:
  selector: { app: shop }
  ports: [{ port: 80, targetPort: http }]
`;

describe('create from YAML and delete, as the caller', () => {
  let app: WheelhouseApp;
  let url: string;
  let kc: KubeConfig;
  let core: CoreV1Api;
  let apps: AppsV1Api;
  let ns: { name: string; cleanup(): Promise<void> };
  let writes: ReturnType<typeof writesOf>;
  const logged = memoryLogger();

  const exists = async (read: () => Promise<unknown>) =>
    read().then(
      () => true,
      (err: unknown) => {
        if (isNotFound(err)) return false;
        throw err;
      },
    );

  beforeAll(async () => {
    ({ kc } = await ensureCluster());
    core = kc.makeApiClient(CoreV1Api);
    apps = kc.makeApiClient(AppsV1Api);
    ns = await createTestNamespace(kc, 'bff-writes-apply');
    ({ app, url } = await startBff({ log: logged.log }));
    writes = writesOf(url);
  });
  afterAll(async () => {
    await app?.close();
    await ns?.cleanup();
  });

  it('creates a Deployment and its Service from one paste: the dry run says "created" and stores nothing, the apply creates both', async () => {
    const dry = await writes.apply({ yaml: shop(2), namespace: ns.name, dryRun: true });
    expect(dry.status, dry.text).toBe(200);
    expect(dry.json.dryRun).toBe(true);
    expect(
      dry.json.results.map(({ index, kind, name, namespace, outcome }) => ({
        index,
        kind,
        name,
        namespace,
        outcome,
      })),
    ).toEqual([
      { index: 0, kind: 'Deployment', name: 'shop', namespace: ns.name, outcome: 'created' },
      { index: 1, kind: 'Service', name: 'shop', namespace: ns.name, outcome: 'created' },
    ]);
    // What the apiserver would store: defaulted (strategy, a clusterIP family) but without managedFields.
    expect(dry.json.results[0]?.object).toMatchObject({ spec: { strategy: { type: 'RollingUpdate' } } });
    expect(dry.json.results[1]?.object).toMatchObject({ spec: { type: 'ClusterIP' } });
    expect(dry.json.results[0]?.object?.metadata?.managedFields).toBeUndefined();
    expect(await exists(() => apps.readNamespacedDeployment({ name: 'shop', namespace: ns.name }))).toBe(
      false,
    );
    expect(await exists(() => core.readNamespacedService({ name: 'shop', namespace: ns.name }))).toBe(false);

    const applied = await writes.apply({ yaml: shop(2), namespace: ns.name, dryRun: false });
    expect(applied.status, applied.text).toBe(200);
    expect(applied.json.results.map((r) => r.outcome)).toEqual(['created', 'created']);
    const d = await apps.readNamespacedDeployment({ name: 'shop', namespace: ns.name });
    expect(d.spec?.replicas).toBe(2);
    expect(d.metadata?.managedFields?.map((m) => [m.manager, m.operation])).toContainEqual([
      'wheelhouse',
      'Apply',
    ]);
    expect(
      (await core.readNamespacedService({ name: 'shop', namespace: ns.name })).spec?.ports?.[0]?.port,
    ).toBe(80);
    expect(
      auditLines(logged.lines).map(({ verb, kind, name, dryRun, code }) => ({
        verb,
        kind,
        name,
        dryRun,
        code,
      })),
    ).toEqual([
      { verb: 'create', kind: 'deployments', name: 'shop', dryRun: true, code: 201 },
      { verb: 'create', kind: 'services', name: 'shop', dryRun: true, code: 201 },
      { verb: 'create', kind: 'deployments', name: 'shop', dryRun: false, code: 201 },
      { verb: 'create', kind: 'services', name: 'shop', dryRun: false, code: 201 },
    ]);
  });

  it('applies the same paste again as "unchanged", and a changed one as "configured" with the live object for the diff', async () => {
    const again = await writes.apply({ yaml: shop(2), namespace: ns.name, dryRun: true });
    expect(again.json.results.map((r) => r.outcome)).toEqual(['unchanged', 'unchanged']);
    const scaled = await writes.apply({ yaml: shop(3), namespace: ns.name, dryRun: false });
    expect(scaled.status, scaled.text).toBe(200);
    expect(scaled.json.results.map((r) => r.outcome)).toEqual(['configured', 'unchanged']);
    expect(scaled.json.results[0]?.live).toMatchObject({ spec: { replicas: 2 } });
    expect(scaled.json.results[0]?.object).toMatchObject({ spec: { replicas: 3 } });
    expect((await apps.readNamespacedDeployment({ name: 'shop', namespace: ns.name })).spec?.replicas).toBe(
      3,
    );
  });

  it("gives each document its own result: another kind is refused naming what Wheelhouse creates, a field owned by another manager is the apiserver's 409 with the fields", async () => {
    await kubectl(['-n', ns.name, 'create', 'deployment', 'legacy', '--image=registry.invalid/legacy:1']);
    const yaml = `apiVersion: v1
kind: Namespace
metadata: { name: not-ours }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: legacy }
spec:
  replicas: 4
  selector: { matchLabels: { app: legacy } }
  template:
    metadata: { labels: { app: legacy } }
    spec:
      containers: [{ name: legacy, image: registry.invalid/legacy:1 }]
---
apiVersion: v1
kind: ConfigMap
metadata: { name: settings }
data: { mode: calm }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: Bad_Name }
---
kind: ConfigMap
metadata: { name: broken
`;
    const res = await writes.apply({ yaml, namespace: ns.name, dryRun: false });
    expect(res.status, res.text).toBe(200);
    const [other, legacy, settings, badName, broken] = res.json.results;
    expect(other).toMatchObject({
      index: 0,
      outcome: 'error',
      error: { code: 400, field: 'kind', source: 'bff' },
    });
    expect(other?.error?.message).toMatch(
      /this document is a Namespace: Wheelhouse creates Pod \(v1\), .*Secret \(v1\)/,
    );
    expect(legacy).toMatchObject({ index: 1, kind: 'Deployment', name: 'legacy', outcome: 'error' });
    expect(legacy?.error).toMatchObject({ code: 409, reason: 'Conflict', source: 'apiserver' });
    expect(legacy?.error?.message).toMatch(/Apply failed with 1 conflict: conflict with "kubectl-create"/);
    expect(legacy?.error?.causes).toEqual([
      {
        reason: 'FieldManagerConflict',
        message: expect.stringContaining('kubectl-create'),
        field: '.spec.replicas',
      },
    ]);
    expect(settings).toMatchObject({ index: 2, kind: 'ConfigMap', name: 'settings', outcome: 'created' });
    expect(badName).toMatchObject({
      index: 3,
      outcome: 'error',
      error: { code: 400, field: 'metadata.name' },
    });
    expect(broken).toMatchObject({ index: 4, outcome: 'error', error: { code: 400, field: 'yaml' } });
    expect(broken?.error?.message).toMatch(/^invalid YAML at line \d+, column \d+/);
    expect(typeof broken?.error?.position).toBe('number');
    expect((await apps.readNamespacedDeployment({ name: 'legacy', namespace: ns.name })).spec?.replicas).toBe(
      1,
    );
    expect((await core.readNamespacedConfigMap({ name: 'settings', namespace: ns.name })).data).toEqual({
      mode: 'calm',
    });
  });

  it("shows a LimitRange's default resources in the dry run of a Pod, and creates nothing", async () => {
    await core.createNamespacedLimitRange({
      namespace: ns.name,
      body: {
        metadata: { name: 'defaults' },
        spec: {
          limits: [
            {
              type: 'Container',
              _default: { cpu: '300m', memory: '128Mi' },
              defaultRequest: { cpu: '100m', memory: '64Mi' },
            },
          ],
        },
      },
    });
    const yaml = `apiVersion: v1
kind: Pod
metadata: { name: lonely }
spec:
  containers: [{ name: app, image: registry.invalid/app:1 }]
`;
    const res = await writes.apply({ yaml, namespace: ns.name, dryRun: true });
    expect(res.status, res.text).toBe(200);
    const [result] = res.json.results;
    expect(result?.outcome).toBe('created');
    expect((result?.object as V1Pod | undefined)?.spec?.containers[0]?.resources).toEqual({
      limits: { cpu: '300m', memory: '128Mi' },
      requests: { cpu: '100m', memory: '64Mi' },
    });
    expect(await exists(() => core.readNamespacedPod({ name: 'lonely', namespace: ns.name }))).toBe(false);
  });

  it("deletes only the version the user saw: a stale resourceVersion is the apiserver's 409 and the object stays", async () => {
    const cm = await core.readNamespacedConfigMap({ name: 'settings', namespace: ns.name });
    const seen = cm.metadata?.resourceVersion ?? '';
    await kubectl(['-n', ns.name, 'label', 'configmap/settings', 'touched=yes']);
    const stale = await writes.remove('configmaps', ns.name, 'settings', { resourceVersion: seen });
    expect(stale.status, stale.text).toBe(409);
    expect(stale.json.error).toMatchObject({ reason: 'Conflict', source: 'apiserver' });
    expect(stale.json.error?.message).toMatch(/precondition/);
    expect(await exists(() => core.readNamespacedConfigMap({ name: 'settings', namespace: ns.name }))).toBe(
      true,
    );

    const current = (await core.readNamespacedConfigMap({ name: 'settings', namespace: ns.name })).metadata
      ?.resourceVersion;
    const gone = await writes.remove('configmaps', ns.name, 'settings', { resourceVersion: current });
    expect(gone.status, gone.text).toBe(200);
    expect(await exists(() => core.readNamespacedConfigMap({ name: 'settings', namespace: ns.name }))).toBe(
      false,
    );
    expect(
      auditLines(logged.lines)
        .slice(-2)
        .map(({ verb, kind, name, code }) => ({ verb, kind, name, code })),
    ).toEqual([
      { verb: 'delete', kind: 'configmaps', name: 'settings', code: 409 },
      { verb: 'delete', kind: 'configmaps', name: 'settings', code: 200 },
    ]);
  });

  it("deletes a Pod of a ReplicaSet: it goes Terminating (the answer says so) and its ReplicaSet's replacement appears", async () => {
    await createDeployment(kc, ns.name, 'web', { replicas: 1, image: 'registry.invalid/web:1' });
    const pod = await waitFor(
      async () => {
        const list = await core.listNamespacedPod({ namespace: ns.name, labelSelector: 'app=web' });
        return list.items.find((p) => p.status?.phase === 'Running');
      },
      { timeoutMs: 60_000, intervalMs: 250, what: 'a Running pod of deployment web' },
    );
    const name = pod.metadata?.name ?? '';
    const res = await writes.remove('pods', ns.name, name, {
      resourceVersion: pod.metadata?.resourceVersion,
      propagationPolicy: 'Background',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.object.metadata?.deletionTimestamp).toBeDefined();
    await waitFor(
      async () => {
        const list = await core.listNamespacedPod({ namespace: ns.name, labelSelector: 'app=web' });
        return list.items.some((p) => p.metadata?.name !== name && !p.metadata?.deletionTimestamp);
      },
      { timeoutMs: 60_000, intervalMs: 250, what: 'the replacement pod' },
    );
  });
});
