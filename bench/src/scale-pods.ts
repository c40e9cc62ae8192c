/**
 * The pods of the scale benches: two ReplicaSets (one per fake node, KWOK's fast stages) together
 * holding `total` pods, created on first use and scaled after that.
 */
import type { Kube } from './kube';

export async function scaleReplicaSets(kube: Kube, ns: string, total: number): Promise<void> {
  const per = [Math.ceil(total / 2), Math.floor(total / 2)];
  for (const [i, n] of per.entries()) {
    const name = `scale-${i}`;
    const body = { spec: { replicas: n } };
    const r = await kube.request(
      'PATCH',
      `/apis/apps/v1/namespaces/${ns}/replicasets/${name}`,
      body,
      'application/merge-patch+json',
    );
    if (r.status === 404) {
      await kube.json('POST', `/apis/apps/v1/namespaces/${ns}/replicasets`, {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name },
        spec: {
          replicas: n,
          selector: { matchLabels: { app: name } },
          template: {
            metadata: { labels: { app: name, bench: 'scale' } },
            spec: {
              nodeName: `kwok-node-${i}`,
              tolerations: [{ operator: 'Exists' }],
              containers: [
                {
                  name: 'app',
                  image: 'registry.invalid/scale:1',
                  ports: [{ name: 'http', containerPort: 8080 }],
                  resources: { requests: { cpu: '1m', memory: '1Mi' } },
                },
              ],
            },
          },
        },
      });
    } else if (r.status >= 300) {
      throw new Error(`scale ReplicaSet ${name}: ${r.status} ${r.text.slice(0, 200)}`);
    }
  }
}
