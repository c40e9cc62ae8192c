import { AppsV1Api, type KubeConfig, type V1Deployment, type V1Probe } from '@kubernetes/client-node';

export interface DeploymentOptions {
  replicas: number;
  /** Any name: KWOK never pulls it. Prefer registry.invalid/... */
  image: string;
  /** Pod and Deployment labels; `app: <name>` is always set and is the selector. */
  labels?: Record<string, string>;
  /**
   * `true`: httpGet readiness (/readyz) and liveness (/livez) probes on the named port `http`.
   * Or give the probes. KWOK does not run them; they are there for what reads the spec.
   */
  probes?: true | { readiness?: V1Probe; liveness?: V1Probe };
}

/**
 * Creates a Deployment `name` with one container `name` listening on the named port `http` (8080). Does not
 * wait: KWOK makes its pods Running/Ready 1–6 s after they are scheduled.
 */
export async function createDeployment(
  kc: KubeConfig,
  namespace: string,
  name: string,
  opts: DeploymentOptions,
): Promise<V1Deployment> {
  const labels = { ...opts.labels, app: name };
  const probes =
    opts.probes === true
      ? {
          readiness: { httpGet: { path: '/readyz', port: 'http' }, periodSeconds: 5 },
          liveness: { httpGet: { path: '/livez', port: 'http' }, periodSeconds: 10 },
        }
      : opts.probes;
  const apps = kc.makeApiClient(AppsV1Api);
  return apps.createNamespacedDeployment({
    namespace,
    body: {
      metadata: { name, labels },
      spec: {
        replicas: opts.replicas,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              {
                name,
                image: opts.image,
                ports: [{ name: 'http', containerPort: 8080 }],
                ...(probes?.readiness ? { readinessProbe: probes.readiness } : {}),
                ...(probes?.liveness ? { livenessProbe: probes.liveness } : {}),
              },
            ],
          },
        },
      },
    },
  });
}
