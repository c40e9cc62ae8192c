import type { Readable } from 'node:stream';
import type { KubeConfig } from '@kubernetes/client-node';
import { kubeStream } from '../kube/client';

/** Open pods/log requests to the apiserver, for /metrics: a leak shows as a count that never falls. */
export interface UpstreamGauge {
  inc(): void;
  dec(): void;
}

export interface PodLogQuery {
  container: string;
  follow: boolean;
  previous?: boolean;
  timestamps?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
}

export interface PodLogUpstream {
  body: Readable;
  /** Counts the request as closed (idempotent; also done when the body closes). */
  release(): void;
}

/**
 * One pods/log request made as the caller (RBAC on pods/log decides), counted in `gauge` from the
 * moment it is sent until its body closes or it fails. Aborting `signal` ends it. A refusal throws
 * the apiserver's error (400 for an unknown container, 404 for an unknown pod).
 */
export async function openPodLog(
  kc: KubeConfig,
  namespace: string,
  pod: string,
  q: PodLogQuery,
  signal: AbortSignal,
  gauge: UpstreamGauge,
): Promise<PodLogUpstream> {
  gauge.inc();
  let open = true;
  const release = () => {
    if (!open) return;
    open = false;
    gauge.dec();
  };
  const query = {
    container: q.container,
    follow: String(q.follow),
    previous: q.previous ? 'true' : undefined,
    timestamps: q.timestamps ? 'true' : undefined,
    tailLines: q.tailLines !== undefined ? String(q.tailLines) : undefined,
    sinceSeconds: q.sinceSeconds !== undefined ? String(q.sinceSeconds) : undefined,
  };
  const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log`;
  try {
    const body = await kubeStream(kc, path, query, signal);
    body.once('close', release);
    return { body, release };
  } catch (err) {
    release();
    throw err;
  }
}

/** A gauge that counts nothing (tests of the stream logic). */
export const NO_GAUGE: UpstreamGauge = { inc: () => undefined, dec: () => undefined };
