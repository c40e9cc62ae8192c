import { KubeConfig } from '@kubernetes/client-node';
import type { ContextsResponse } from '@wheelhouse/shared-types';
import type { Config } from '../config';
import { HttpError } from '../http/errors';

/**
 * The clusters the BFF can talk to and as whom. In kubeconfig mode every context of the kubeconfig
 * is offered (the current one by default); in in-cluster mode there is one, the ServiceAccount's.
 * A KubeConfig per context is built once and reused; TLS verification follows the kubeconfig
 * (never turned off by us).
 */
export class KubeContexts {
  private readonly base: KubeConfig;
  private readonly perContext = new Map<string, KubeConfig>();
  readonly defaultContext: string;

  constructor(config: Pick<Config, 'inCluster' | 'kubeconfigPath' | 'context'>) {
    const kc = new KubeConfig();
    if (config.inCluster) {
      kc.loadFromCluster();
    } else if (config.kubeconfigPath) {
      kc.loadFromFile(config.kubeconfigPath);
    } else {
      kc.loadFromDefault();
    }
    if (kc.getContexts().length === 0) {
      throw new Error('no Kubernetes context found: set KUBECONFIG or run inside a cluster');
    }
    const wanted = config.context ?? kc.getCurrentContext();
    if (!kc.getContextObject(wanted)) {
      throw new Error(
        `context "${wanted}" is not in the kubeconfig (have: ${kc
          .getContexts()
          .map((c) => c.name)
          .join(', ')})`,
      );
    }
    this.base = kc;
    this.defaultContext = wanted;
  }

  /** The KubeConfig for `context` (default when omitted); 404 for an unknown context. */
  get(context?: string): KubeConfig {
    const name = context ?? this.defaultContext;
    let kc = this.perContext.get(name);
    if (kc) return kc;
    if (!this.base.getContextObject(name)) {
      throw new HttpError(404, 'NotFound', `context "${name}" is not in the kubeconfig`);
    }
    kc = new KubeConfig();
    kc.loadFromString(this.base.exportConfig());
    kc.setCurrentContext(name);
    this.perContext.set(name, kc);
    return kc;
  }

  list(): ContextsResponse {
    return {
      current: this.defaultContext,
      contexts: this.base.getContexts().map((c) => ({
        name: c.name,
        cluster: c.cluster,
        ...(c.namespace ? { namespace: c.namespace } : {}),
      })),
    };
  }
}
