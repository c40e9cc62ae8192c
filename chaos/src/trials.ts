/**
 * "kube-apiserver killed mid-watch", N times (e2e/tests/faults-apiserver-restart.spec.ts's trial,
 * with SIGKILL instead of SIGTERM and every observer instead of one page): kill -9, start, and as
 * soon as /readyz says ok change what the BFF can only learn from a re-established watch or a
 * relist (scale a Deployment, delete a pod); then time until every observer equals a fresh LIST.
 */
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { killApiserver } from './faults';
import type { Kube } from './kube';
import type { ProtocolClient } from './protocol-client';
import type { Tab } from './tabs';
import { converge, failures } from './verify';

export interface Trial {
  trial: number;
  ok: boolean;
  /** From the apiserver's /readyz ok to every observer converged. */
  convergedMs: number;
  failures: string[];
}

/** Nearest-rank percentile of the sorted values. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

export async function apiserverTrials(
  n: number,
  k: Kube,
  stateDir: string,
  clients: ProtocolClient[],
  tabs: Tab[],
  timeoutMs: number,
  log: (s: string) => void,
): Promise<Trial[]> {
  const trials: Trial[] = [];
  for (let trial = 1; trial <= n; trial++) {
    const upAt = await killApiserver(stateDir, 0, k);
    const replicas = 2 + (trial % 3);
    await k.apps.patchNamespacedDeploymentScale(
      { name: 'web', namespace: 'chaos-a', body: { spec: { replicas } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const pods = (await k.core.listNamespacedPod({ namespace: 'chaos-a', labelSelector: 'app=api' })).items;
    const victim = pods[0]?.metadata?.name;
    if (victim)
      await k.core.deleteNamespacedPod({ name: victim, namespace: 'chaos-a', gracePeriodSeconds: 0 });
    const { verdict } = await converge(k, clients, tabs, timeoutMs, 100);
    const convergedMs = Date.now() - upAt;
    trials.push({ trial, ok: verdict.ok, convergedMs, failures: failures(verdict) });
    log(
      `apiserver kill -9, trial ${trial}/${n}: ${verdict.ok ? 'converged' : 'NOT converged'} ${convergedMs} ms after /readyz`,
    );
  }
  return trials;
}
