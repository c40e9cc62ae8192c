/**
 * The chaos run's objects on the private cluster, and the fresh LISTs observers are checked against.
 * Each namespace holds two Deployments (web ×3, api ×2), a standalone pod `sentinel` (the health
 * view's, never deleted), a ConfigMap `settings` (the object page's) and a Secret `token`; the churn
 * adds and removes `loose-*` pods and `tmp-*` ConfigMaps.
 */
import { AppsV1Api, CoreV1Api, type KubeConfig, type V1ObjectMeta } from '@kubernetes/client-node';
import type { SubscribeRequest } from '@wheelhouse/shared-types';
import { createDeployment, waitFor } from '@wheelhouse/testkit';
import { type ListView, objectKey } from './protocol-client';

export const NAMESPACES = ['chaos-a', 'chaos-b', 'chaos-c'] as const;
export const DEPLOYMENTS = ['web', 'api'] as const;
export const CHAOS_LABEL = 'wheelhouse.test/chaos';

export interface Kube {
  kc: KubeConfig;
  core: CoreV1Api;
  apps: AppsV1Api;
}

export function kubeOf(kc: KubeConfig): Kube {
  return { kc, core: kc.makeApiClient(CoreV1Api), apps: kc.makeApiClient(AppsV1Api) };
}

export function podBody(name: string, labels: Record<string, string>) {
  return {
    metadata: { name, labels },
    spec: {
      containers: [
        {
          name: 'main',
          image: 'registry.invalid/chaos:1',
          readinessProbe: { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 10 },
        },
      ],
    },
  };
}

/** Fresh namespaces with the starting objects, Running before the observers arrive. */
export async function setUp(k: Kube): Promise<void> {
  for (const ns of NAMESPACES) {
    await k.core.deleteNamespace({ name: ns }).catch(() => undefined);
  }
  await waitFor(
    async () => {
      const all = await k.core.listNamespace({ labelSelector: CHAOS_LABEL });
      return all.items.length === 0;
    },
    { timeoutMs: 120_000, intervalMs: 500, what: 'earlier chaos namespaces to be gone' },
  );
  for (const ns of NAMESPACES) {
    await k.core.createNamespace({ body: { metadata: { name: ns, labels: { [CHAOS_LABEL]: 'true' } } } });
    // A pod is refused (403) until the controller-manager has made the namespace's `default` ServiceAccount.
    await waitFor(
      () =>
        k.core.readNamespacedServiceAccount({ name: 'default', namespace: ns }).then(
          () => true,
          () => false,
        ),
      { timeoutMs: 60_000, intervalMs: 200, what: `the default ServiceAccount of ${ns}` },
    );
    await createDeployment(k.kc, ns, 'web', { replicas: 3, image: 'registry.invalid/web:1' });
    await createDeployment(k.kc, ns, 'api', { replicas: 2, image: 'registry.invalid/api:1' });
    await k.core.createNamespacedPod({ namespace: ns, body: podBody('sentinel', { app: 'sentinel' }) });
    await k.core.createNamespacedConfigMap({
      namespace: ns,
      body: { metadata: { name: 'settings' }, data: { generation: '0' } },
    });
    await k.core.createNamespacedSecret({
      namespace: ns,
      body: { metadata: { name: 'token' }, stringData: { generation: '0' } },
    });
  }
  await waitFor(
    async () => {
      const pods = await Promise.all(NAMESPACES.map((namespace) => k.core.listNamespacedPod({ namespace })));
      const all = pods.flatMap((l) => l.items);
      return all.length === NAMESPACES.length * 6 && all.every((p) => p.status?.phase === 'Running');
    },
    { timeoutMs: 120_000, intervalMs: 500, what: 'the starting pods to be Running' },
  );
}

export async function tearDown(k: Kube): Promise<void> {
  for (const ns of NAMESPACES) await k.core.deleteNamespace({ name: ns }).catch(() => undefined);
}

/** A fresh LIST of what a subscription covers, as name → resourceVersion. */
export async function listFor(k: Kube, req: SubscribeRequest): Promise<ListView> {
  const q = { labelSelector: req.labelSelector };
  const ns = req.namespace;
  let items: Array<{ metadata?: V1ObjectMeta }>;
  switch (req.kind) {
    case 'pods':
      items = (
        ns ? await k.core.listNamespacedPod({ namespace: ns, ...q }) : await k.core.listPodForAllNamespaces(q)
      ).items;
      break;
    case 'deployments':
      items = (
        ns
          ? await k.apps.listNamespacedDeployment({ namespace: ns, ...q })
          : await k.apps.listDeploymentForAllNamespaces(q)
      ).items;
      break;
    case 'replicasets':
      items = (
        ns
          ? await k.apps.listNamespacedReplicaSet({ namespace: ns, ...q })
          : await k.apps.listReplicaSetForAllNamespaces(q)
      ).items;
      break;
    case 'configmaps':
      items = (
        ns
          ? await k.core.listNamespacedConfigMap({ namespace: ns, ...q })
          : await k.core.listConfigMapForAllNamespaces(q)
      ).items;
      break;
    case 'secrets':
      items = (
        ns
          ? await k.core.listNamespacedSecret({ namespace: ns, ...q })
          : await k.core.listSecretForAllNamespaces(q)
      ).items;
      break;
    case 'services':
      items = (
        ns
          ? await k.core.listNamespacedService({ namespace: ns, ...q })
          : await k.core.listServiceForAllNamespaces(q)
      ).items;
      break;
    default:
      throw new Error(`chaos: no LIST for ${req.kind}`);
  }
  return new Map(items.map((o) => [objectKey(o), o.metadata?.resourceVersion ?? '']));
}

export interface Divergence {
  missing: string[];
  ghosts: string[];
  stale: string[];
}

/** What `view` gets wrong against `fresh`: absent objects, objects that no longer exist, old versions. */
export function diverge(view: ListView, fresh: ListView): Divergence {
  const missing: string[] = [];
  const stale: string[] = [];
  for (const [key, rv] of fresh) {
    const seen = view.get(key);
    if (seen === undefined) missing.push(key);
    else if (seen !== rv) stale.push(key);
  }
  const ghosts = [...view.keys()].filter((key) => !fresh.has(key));
  return { missing, ghosts, stale };
}

export const clean = (d: Divergence): boolean =>
  d.missing.length === 0 && d.ghosts.length === 0 && d.stale.length === 0;
