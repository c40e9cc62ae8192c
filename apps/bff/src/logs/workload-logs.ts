import type { KubeConfig } from '@kubernetes/client-node';
import type { WorkloadLogsAck, WorkloadLogsRequest } from '@wheelhouse/shared-types';
import { HttpError } from '../http/errors';
import { ApiServerError, kubeRequest } from '../kube/client';
import type { Quota } from '../socket/quotas';
import type { WatchHub } from '../watch/hub';
import type { UpstreamGauge } from './upstream';
import { type WorkloadLimits, WorkloadLogStream, type WorkloadOutlet } from './workload-stream';

export interface WorkloadLogsLimits extends WorkloadLimits {
  /** Workload views one socket may have open. */
  maxViews: number;
}
export const DEFAULT_WORKLOAD_LIMITS: WorkloadLogsLimits = {
  tickMs: 100,
  maxPendingLines: 10_000,
  maxBacklog: 200,
  maxPods: 50,
  maxViews: 4,
};

export interface WorkloadLogsDeps {
  hub: WatchHub;
  gauge: UpstreamGauge;
  /** Informer subscriptions per caller identity: a view holds one, like a live list. */
  perCaller: Quota;
}

/**
 * The workload log views of one socket. Each listens to the shared pods informer of (caller,
 * namespace, selector) through the WatchHub — the watch a list with that selector uses — and is
 * stopped on request, on disconnect, or with the socket.
 */
export class WorkloadLogs {
  private readonly views = new Map<string, { stream: WorkloadLogStream; release(): void }>();
  private next = 1;
  private starting = 0;

  constructor(
    private readonly outlet: WorkloadOutlet,
    private readonly deps: WorkloadLogsDeps,
    private readonly limits: WorkloadLogsLimits = DEFAULT_WORKLOAD_LIMITS,
  ) {}

  get size(): number {
    return this.views.size;
  }

  has(id: string): boolean {
    return this.views.has(id);
  }

  /** `req.labelSelector` must be canonical already (the informer key of a list with it). */
  async start(
    kc: KubeConfig,
    identity: string,
    req: WorkloadLogsRequest,
  ): Promise<Extract<WorkloadLogsAck, { ok: true }>> {
    // Checked and reserved before the first await: concurrent starts cannot all see room.
    if (this.views.size + this.starting >= this.limits.maxViews) {
      throw new HttpError(
        429,
        'TooManyRequests',
        `at most ${this.limits.maxViews} workload log views per connection`,
      );
    }
    this.deps.perCaller.acquire(identity);
    this.starting++;
    const id = `w${this.next++}`;
    const stream = new WorkloadLogStream(id, kc, req, this.outlet, this.limits, this.deps.gauge);
    let release = () => this.deps.perCaller.release(identity);
    try {
      await namespaceExists(kc, req.namespace);
      const sub = await this.deps.hub.subscribe(
        kc,
        identity,
        { kind: 'pods', namespace: req.namespace, labelSelector: req.labelSelector },
        stream,
      );
      const giveBack = release;
      release = () => {
        sub.release();
        giveBack();
      };
      const { pods, capped } = stream.begin(sub.items);
      this.views.set(id, { stream, release });
      return { ok: true, streamId: id, pods, ...(capped ? { capped } : {}) };
    } catch (err) {
      stream.stop();
      release();
      throw err;
    } finally {
      this.starting--;
    }
  }

  stop(id: string): boolean {
    const view = this.views.get(id);
    if (!view) return false;
    this.views.delete(id);
    view.stream.stop();
    view.release();
    return true;
  }

  closeAll(): void {
    for (const id of [...this.views.keys()]) this.stop(id);
  }
}

/**
 * A LIST of pods in a namespace that does not exist answers an empty list; kubectl says "No resources
 * found" for it. A log view of a mistyped namespace would wait forever: it is a 404. Callers who may
 * not read namespaces (403) are not refused for that: their pods decide.
 */
async function namespaceExists(kc: KubeConfig, namespace: string): Promise<void> {
  try {
    await kubeRequest(kc, `/api/v1/namespaces/${encodeURIComponent(namespace)}`);
  } catch (err) {
    if (err instanceof ApiServerError && err.code === 404) {
      throw new HttpError(404, 'NotFound', `namespace "${namespace}" not found`);
    }
    if (err instanceof ApiServerError && err.code >= 500) throw err;
  }
}
