/**
 * The chart with replicas=3 installed by helm into a fresh namespace of the local cluster (KWOK runs
 * the pods): three replicas Available, one CSRF token in a Secret kept by `helm upgrade`, every pod
 * reading it, and the PodDisruptionBudget really letting a drain take one replica at a time (the
 * eviction API refuses a second one with 429). RBAC is off here (rbac.create=false) so nothing
 * cluster-scoped is created; the RBAC tiers are proven in cluster.deploy.ts.
 */
import path from 'node:path';
import { ensureCluster, kubectl, waitFor } from '@wheelhouse/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART, helmBinary, run } from './helpers';

const LABEL = 'wheelhouse.dev/deploy-check';
const NS = `wh-deploy-replicas-${Math.random().toString(36).slice(2, 8)}`;
const SET = ['--set', 'replicas=3', '--set', 'rbac.create=false', '--set', 'image.repository=wheelhouse'];

async function helmCluster(args: string[]) {
  const { kubeconfigPath } = await ensureCluster();
  return run(await helmBinary(), [...args, '--kubeconfig', kubeconfigPath, '--namespace', NS], {
    timeoutMs: 180_000,
  });
}

async function secretToken(): Promise<string> {
  const b64 = await kubectl(['-n', NS, 'get', 'secret', 'wheelhouse-csrf', '-o', 'jsonpath={.data.token}']);
  return Buffer.from(b64, 'base64').toString();
}

interface PodList {
  items: Array<{
    metadata: { name: string; annotations?: Record<string, string> };
    spec: { containers: Array<{ env?: Array<{ name: string; valueFrom?: unknown }> }> };
  }>;
}

/** POST an Eviction for `pod`; the HTTP status the apiserver answers (201 evicted, 429 refused by the budget). */
async function evict(pod: string): Promise<string> {
  const { binDir, kubeconfigPath } = await ensureCluster();
  const body = JSON.stringify({
    apiVersion: 'policy/v1',
    kind: 'Eviction',
    metadata: { name: pod, namespace: NS },
  });
  const r = await run(
    path.join(binDir, 'kubectl'),
    [
      '--kubeconfig',
      kubeconfigPath,
      'create',
      '--raw',
      `/api/v1/namespaces/${NS}/pods/${pod}/eviction`,
      '-f',
      '-',
    ],
    { input: body, timeoutMs: 30_000 },
  );
  return r.code === 0 ? 'evicted' : `${r.stdout}${r.stderr}`;
}

describe('chart with replicas=3 on the local cluster', () => {
  beforeAll(async () => {
    await kubectl(['create', 'namespace', NS]);
    await kubectl([
      'label',
      'namespace',
      NS,
      `${LABEL}=true`,
      'pod-security.kubernetes.io/enforce=restricted',
    ]);
  });
  afterAll(async () => {
    await helmCluster(['uninstall', 'wheelhouse', '--wait=false']);
    await kubectl(['delete', 'namespace', NS, '--ignore-not-found', '--wait=false']);
  });

  it('helm install: three replicas Available, each reading the one CSRF token from the Secret; helm upgrade keeps the token', async () => {
    const install = await helmCluster(['install', 'wheelhouse', CHART, ...SET]);
    expect(install.code, install.stderr).toBe(0);
    await kubectl(
      ['-n', NS, 'wait', '--for=condition=Available', 'deployment/wheelhouse', '--timeout=120s'],
      {
        timeoutMs: 130_000,
      },
    );
    const dep = JSON.parse(await kubectl(['-n', NS, 'get', 'deployment', 'wheelhouse', '-o', 'json']));
    expect(dep.status.availableReplicas).toBe(3);
    const token = await secretToken();
    expect(token).toMatch(/^[A-Za-z0-9]{43}$/);
    const pods = JSON.parse(await kubectl(['-n', NS, 'get', 'pods', '-o', 'json'])) as PodList;
    expect(pods.items).toHaveLength(3);
    for (const p of pods.items) {
      const env = p.spec.containers[0]?.env ?? [];
      expect(env.find((e) => e.name === 'WHEELHOUSE_CSRF_TOKEN')?.valueFrom, p.metadata.name).toEqual({
        secretKeyRef: { name: 'wheelhouse-csrf', key: 'token' },
      });
    }
    const upgrade = await helmCluster(['upgrade', 'wheelhouse', CHART, ...SET]);
    expect(upgrade.code, upgrade.stderr).toBe(0);
    expect(await secretToken(), 'helm upgrade reads the token back instead of making a new one').toBe(token);
  });

  it('the PodDisruptionBudget lets a drain evict one replica, and refuses the next (429) while one is away', async () => {
    const pdb = await waitFor(
      async () => {
        const o = JSON.parse(await kubectl(['-n', NS, 'get', 'pdb', 'wheelhouse', '-o', 'json']));
        return o.status?.expectedPods === 3 && o.status?.disruptionsAllowed === 1 ? o : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500, what: 'the budget to count 3 healthy pods' },
    );
    expect(pdb.spec.maxUnavailable).toBe(1);
    const names = (JSON.parse(await kubectl(['-n', NS, 'get', 'pods', '-o', 'json'])) as PodList).items.map(
      (p) => p.metadata.name,
    );
    expect(await evict(names[0] as string)).toBe('evicted');
    const second = await evict(names[1] as string);
    expect(second).toMatch(/disruption budget/i);
    // Once the replacement is Ready the budget allows one eviction again.
    await waitFor(
      async () => {
        const o = JSON.parse(await kubectl(['-n', NS, 'get', 'pdb', 'wheelhouse', '-o', 'json']));
        return o.status?.currentHealthy === 3 && o.status?.disruptionsAllowed === 1 ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500, what: 'a replacement replica' },
    );
  });
});
