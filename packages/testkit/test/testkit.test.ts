/**
 * Integration tests against the real local cluster (tools/cluster). Set WHEELHOUSE_KUBECONFIG to reuse a
 * running one; otherwise ensureCluster() runs `tools/cluster/cluster up`.
 */
import { AppsV1Api, CoreV1Api, DiscoveryV1Api, type KubeConfig, type V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addRestarts,
  type ClusterInfo,
  createDeployment,
  createTestNamespace,
  ensureCluster,
  flipReadiness,
  isNotFound,
  kubectl,
  type TestNamespace,
  waitFor,
} from '../src/index';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** One row of `kubectl get pod NAME --no-headers`: NAME READY STATUS RESTARTS AGE (RESTARTS may be "4 (9s ago)"). */
async function kubectlRow(
  ns: string,
  pod: string,
): Promise<{ ready: string; status: string; restarts: string }> {
  const line = (await kubectl(['-n', ns, 'get', 'pod', pod, '--no-headers'])).trim();
  const m = /^(\S+)\s+(\S+)\s+(\S+)\s+(\d+(?: \([^)]*\))?)\s+(\S+)$/.exec(line);
  if (!m) throw new Error(`unexpected kubectl get pod output: ${line}`);
  return { ready: m[2]!, status: m[3]!, restarts: m[4]! };
}

function cond(pod: V1Pod, type: string) {
  return pod.status?.conditions?.find((c) => c.type === type);
}

describe('testkit against the local cluster', () => {
  let cluster: ClusterInfo;
  let kc: KubeConfig;
  let core: CoreV1Api;
  let ns: TestNamespace;
  let podA: string;
  let podB: string;

  /** pod name → endpoint ready condition, from the `web` Service's EndpointSlices. */
  async function sliceReadiness(): Promise<Record<string, boolean | undefined>> {
    const discovery = kc.makeApiClient(DiscoveryV1Api);
    const slices = await discovery.listNamespacedEndpointSlice({
      namespace: ns.name,
      labelSelector: 'kubernetes.io/service-name=web',
    });
    const out: Record<string, boolean | undefined> = {};
    for (const slice of slices.items) {
      for (const ep of slice.endpoints ?? []) {
        if (ep.targetRef?.name) out[ep.targetRef.name] = ep.conditions?.ready;
      }
    }
    return out;
  }

  beforeAll(async () => {
    cluster = await ensureCluster();
    kc = cluster.kc;
    core = kc.makeApiClient(CoreV1Api);
    ns = await createTestNamespace(kc, 'testkit');
    await createDeployment(kc, ns.name, 'web', {
      replicas: 2,
      image: 'registry.invalid/web:1.0.0',
      labels: { tier: 'frontend' },
      probes: true,
    });
    await core.createNamespacedService({
      namespace: ns.name,
      body: {
        metadata: { name: 'web' },
        spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
      },
    });
    const pods = await waitFor(
      async () => {
        const list = await core.listNamespacedPod({ namespace: ns.name, labelSelector: 'app=web' });
        const ready = list.items.filter(
          (p) => p.status?.phase === 'Running' && cond(p, 'Ready')?.status === 'True',
        );
        return ready.length === 2 && list.items.length === 2 ? ready : false;
      },
      { timeoutMs: 60_000, intervalMs: 250, what: '2 Running, Ready pods of deployment web' },
    );
    [podA, podB] = pods.map((p) => p.metadata!.name!).sort() as [string, string];
    await waitFor(
      async () => {
        const r = await sliceReadiness();
        return r[podA] === true && r[podB] === true ? r : false;
      },
      { timeoutMs: 30_000, intervalMs: 250, what: 'both web pods ready in the web EndpointSlice' },
    );
  });

  afterAll(async () => {
    await ns?.cleanup();
  });

  describe('ensureCluster and kubectl', () => {
    it('returns the same loopback cluster on every call, whose apiserver answers /readyz', async () => {
      expect(await ensureCluster()).toBe(cluster);
      expect(new URL(kc.getCurrentCluster()!.server).hostname).toBe('127.0.0.1');
      expect(cluster.kubeconfigPath).toMatch(/kubeconfig$/);
      expect((await kubectl(['get', '--raw', '/readyz'])).trim()).toBe('ok');
    });

    it('kubectl returns the stdout of the cached kubectl, which matches the server version', async () => {
      const v = JSON.parse(await kubectl(['version', '-o', 'json'])) as {
        clientVersion: { gitVersion: string };
        serverVersion: { gitVersion: string };
      };
      expect(v.clientVersion.gitVersion).toBe(v.serverVersion.gitVersion);
      const names = (await kubectl(['-n', ns.name, 'get', 'deploy', '-o', 'name'])).trim();
      expect(names).toBe('deployment.apps/web');
    });

    it('kubectl passes input on stdin', async () => {
      const manifest = JSON.stringify({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'from-stdin' },
      });
      expect(await kubectl(['-n', ns.name, 'apply', '-f', '-'], { input: manifest })).toMatch(
        /from-stdin created/,
      );
    });

    it("kubectl rejects with kubectl's stderr when the command fails", async () => {
      await expect(kubectl(['-n', ns.name, 'get', 'pod', 'no-such-pod'])).rejects.toThrow(
        /pods "no-such-pod" not found/,
      );
    });
  });

  describe('waitFor', () => {
    it('resolves with the first value that is neither undefined nor false', async () => {
      let calls = 0;
      const value = await waitFor(
        async () => {
          calls++;
          if (calls === 1) return undefined;
          if (calls === 2) return false;
          if (calls === 3) throw new Error('transient');
          return { calls };
        },
        { timeoutMs: 5000, intervalMs: 10, what: 'the fourth call' },
      );
      expect(value).toEqual({ calls: 4 });
    });

    it('rejects after timeoutMs naming what it waited for and the last value', async () => {
      const started = Date.now();
      await expect(
        waitFor(async () => false, { timeoutMs: 300, intervalMs: 50, what: 'the moon to turn blue' }),
      ).rejects.toThrow(
        /Timed out after \d+ms \(\d+ attempts\) waiting for the moon to turn blue; last value: false/,
      );
      expect(Date.now() - started).toBeLessThan(1500);
    });

    it('rejects with the last error when every attempt throws', async () => {
      await expect(
        waitFor(
          async () => {
            throw new Error('apiserver says no');
          },
          { timeoutMs: 200, intervalMs: 50, what: 'a yes' },
        ),
      ).rejects.toThrow(/waiting for a yes; last error: apiserver says no/);
    });

    it('gives up at the deadline even when an attempt never settles', async () => {
      const started = Date.now();
      await expect(
        waitFor(() => new Promise<boolean>(() => {}), {
          timeoutMs: 200,
          intervalMs: 50,
          what: 'a hung call',
        }),
      ).rejects.toThrow(/waiting for a hung call; last error: the attempt was still running at the deadline/);
      expect(Date.now() - started).toBeLessThan(1500);
    });
  });

  describe('createTestNamespace', () => {
    it('creates a unique, labelled DNS-1123 namespace whose default ServiceAccount already exists', async () => {
      const a = await createTestNamespace(kc, 'Testkit_Odd prefix!!');
      const b = await createTestNamespace(kc, 'x'.repeat(100));
      try {
        for (const t of [a, b]) {
          expect(t.name).toMatch(DNS1123_LABEL);
          expect(t.name.length).toBeLessThanOrEqual(63);
          const nsObj = await core.readNamespace({ name: t.name });
          expect(nsObj.metadata?.labels?.['wheelhouse.dev/test']).toBe('true');
          // A bare pod can be created right away: the default ServiceAccount is there.
          await core.readNamespacedServiceAccount({ name: 'default', namespace: t.name });
        }
        expect(a.name).toMatch(/^testkit-odd-prefix-[a-z0-9]{6}$/);
        expect(a.name).not.toBe(b.name);
        const pod = await core.createNamespacedPod({
          namespace: a.name,
          body: {
            metadata: { name: 'bare' },
            spec: { containers: [{ name: 'c', image: 'registry.invalid/c:1' }] },
          },
        });
        expect(pod.spec?.serviceAccountName).toBe('default');
      } finally {
        await a.cleanup();
        await b.cleanup();
      }
    });

    it('cleanup deletes the namespace without waiting for it to terminate, and tolerates a second call', async () => {
      const t = await createTestNamespace(kc, 'testkit-cleanup');
      const started = Date.now();
      await t.cleanup();
      expect(Date.now() - started).toBeLessThan(5000);
      try {
        const after = await core.readNamespace({ name: t.name });
        expect(after.metadata?.deletionTimestamp).toBeDefined();
      } catch (error) {
        expect(isNotFound(error)).toBe(true);
      }
      await expect(t.cleanup()).resolves.toBeUndefined();
    });
  });

  describe('createDeployment', () => {
    it('creates a Deployment selected by app=<name> with httpGet probes on the named port http', async () => {
      const apps = kc.makeApiClient(AppsV1Api);
      const d = await apps.readNamespacedDeployment({ name: 'web', namespace: ns.name });
      expect(d.spec?.replicas).toBe(2);
      expect(d.spec?.selector.matchLabels).toEqual({ app: 'web' });
      expect(d.spec?.template.metadata?.labels).toEqual({ app: 'web', tier: 'frontend' });
      const c = d.spec?.template.spec?.containers[0];
      expect(c?.image).toBe('registry.invalid/web:1.0.0');
      expect(c?.ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
      expect(c?.readinessProbe?.httpGet?.port).toBe('http');
      expect(c?.livenessProbe?.httpGet?.port).toBe('http');
    });
  });

  describe('flipReadiness and addRestarts', () => {
    it("flipReadiness(false) makes the pod 0/1 and not ready in its Service's EndpointSlice; the other pod stays ready", async () => {
      await flipReadiness(kc, ns.name, podA, false);

      const pod = await core.readNamespacedPod({ name: podA, namespace: ns.name });
      expect(cond(pod, 'Ready')).toMatchObject({ status: 'False', reason: 'ReadinessProbeFailed' });
      expect(cond(pod, 'ContainersReady')).toMatchObject({ status: 'False', reason: 'ReadinessProbeFailed' });
      expect(cond(pod, 'Initialized')?.status).toBe('True');
      expect(cond(pod, 'PodScheduled')?.status).toBe('True');
      expect(pod.status?.containerStatuses?.map((cs) => cs.ready)).toEqual([false]);
      expect(pod.status?.containerStatuses?.[0]?.state?.running?.startedAt).toBeInstanceOf(Date);
      expect(await kubectlRow(ns.name, podA)).toEqual({ ready: '0/1', status: 'Running', restarts: '0' });

      const slice = await waitFor(
        async () => {
          const r = await sliceReadiness();
          return r[podA] === false ? r : false;
        },
        { timeoutMs: 30_000, intervalMs: 200, what: `${podA} to be not ready in the web EndpointSlice` },
      );
      expect(slice[podB]).toBe(true);
      const apps = kc.makeApiClient(AppsV1Api);
      await waitFor(
        async () =>
          (await apps.readNamespacedDeployment({ name: 'web', namespace: ns.name })).status?.readyReplicas ===
          1,
        { timeoutMs: 30_000, intervalMs: 200, what: 'deployment web to count 1 ready replica' },
      );
    });

    it('the not-ready patch sticks: KWOK does not put it back within its 6 s lifecycle window', async () => {
      await new Promise((resolve) => setTimeout(resolve, 7000));
      const pod = await core.readNamespacedPod({ name: podA, namespace: ns.name });
      expect(cond(pod, 'Ready')?.status).toBe('False');
      expect((await sliceReadiness())[podA]).toBe(false);
    });

    it('flipReadiness(true) brings the pod back as ready in the EndpointSlice, without a reason', async () => {
      await flipReadiness(kc, ns.name, podA, true);
      const pod = await core.readNamespacedPod({ name: podA, namespace: ns.name });
      expect(cond(pod, 'Ready')?.status).toBe('True');
      expect(cond(pod, 'Ready')?.reason).toBeUndefined();
      expect(pod.status?.containerStatuses?.map((cs) => cs.ready)).toEqual([true]);
      await waitFor(
        async () => {
          const r = await sliceReadiness();
          return r[podA] === true && r[podB] === true ? r : false;
        },
        { timeoutMs: 30_000, intervalMs: 200, what: `${podA} to be ready again in the web EndpointSlice` },
      );
    });

    it("addRestarts shows the restart count and last termination in the pod and in kubectl's RESTARTS column", async () => {
      await addRestarts(kc, ns.name, podB, { count: 4, reason: 'OOMKilled' });
      const pod = await core.readNamespacedPod({ name: podB, namespace: ns.name });
      const cs = pod.status?.containerStatuses?.[0];
      expect(cs?.restartCount).toBe(4);
      expect(cs?.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
      const { startedAt, finishedAt } = cs!.lastState!.terminated!;
      expect(finishedAt!.getTime()).toBeLessThan(cs!.state!.running!.startedAt!.getTime());
      expect(startedAt!.getTime()).toBeLessThan(finishedAt!.getTime());
      // Readiness and the running state are untouched.
      expect(cs?.ready).toBe(true);
      expect(cond(pod, 'Ready')?.status).toBe('True');
      const row = await kubectlRow(ns.name, podB);
      expect(row.ready).toBe('1/1');
      expect(row.status).toBe('Running');
      expect(row.restarts).toMatch(/^4 \(\d+s ago\)$/);
    });

    it('addRestarts takes an explicit container, exit code and time; flipReadiness keeps them', async () => {
      // metav1.Time keeps whole seconds.
      const finishedAt = new Date(Math.floor((Date.now() - 5 * 60_000) / 1000) * 1000);
      await addRestarts(kc, ns.name, podB, {
        container: 'web',
        count: 7,
        reason: 'Error',
        exitCode: 2,
        finishedAt,
      });
      await flipReadiness(kc, ns.name, podB, false, 'Unhealthy');
      const pod = await core.readNamespacedPod({ name: podB, namespace: ns.name });
      const cs = pod.status?.containerStatuses?.[0];
      expect(cs?.restartCount).toBe(7);
      expect(cs?.lastState?.terminated).toMatchObject({ exitCode: 2, reason: 'Error', finishedAt });
      expect(cond(pod, 'Ready')).toMatchObject({ status: 'False', reason: 'Unhealthy' });
      // kubectl prints ages under 10 minutes with seconds ("5m1s") unless they are whole minutes, and
      // a second may pass between the patch and this `kubectl get`.
      expect(await kubectlRow(ns.name, podB)).toEqual({
        ready: '0/1',
        status: 'Running',
        restarts: expect.stringMatching(/^7 \(5m(\ds)? ago\)$/),
      });
      await expect(addRestarts(kc, ns.name, podB, { container: 'nope', count: 1 })).rejects.toThrow(
        /has no container nope/,
      );
    });

    it('both helpers refuse a pod that is not Running yet, because KWOK would overwrite the patch', async () => {
      await core.createNamespacedPod({
        namespace: ns.name,
        body: {
          metadata: { name: 'unschedulable' },
          spec: {
            nodeSelector: { 'wheelhouse.dev/no-such-node': 'true' },
            containers: [{ name: 'c', image: 'registry.invalid/c:1' }],
          },
        },
      });
      await expect(flipReadiness(kc, ns.name, 'unschedulable', false)).rejects.toThrow(
        /is Pending, not Running/,
      );
      await expect(addRestarts(kc, ns.name, 'unschedulable', { count: 1 })).rejects.toThrow(
        /is Pending, not Running/,
      );
    });
  });
});
