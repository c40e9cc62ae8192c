import type { V1Deployment, V1ReplicaSet, V1Service } from '@kubernetes/client-node';
import { selectorFromLabelSelector, selectorFromMap, selectorToString } from '@wheelhouse/core';

export type WorkloadSelector = { ok: true; selector: string } | { ok: false; message: string };

/**
 * The label selector of the pods an object runs or serves, as `kubectl logs -l` would take it: a
 * Deployment's or ReplicaSet's spec.selector, a Service's spec.selector map. A Service without a
 * selector selects no pods (its endpoints are managed by hand), and an empty LabelSelector would pick
 * every pod of the namespace: neither is a workload's logs.
 */
export function workloadSelector(
  w:
    | { kind: 'deployments'; object: V1Deployment }
    | { kind: 'replicasets'; object: V1ReplicaSet }
    | { kind: 'services'; object: V1Service },
): WorkloadSelector {
  try {
    if (w.kind === 'services') {
      const map = w.object.spec?.selector;
      if (!map || Object.keys(map).length === 0) {
        return {
          ok: false,
          message: 'This Service has no selector: it selects no pods, so there are no logs to show.',
        };
      }
      return { ok: true, selector: selectorToString(selectorFromMap(map)) };
    }
    const selector = selectorToString(selectorFromLabelSelector(w.object.spec?.selector));
    return selector
      ? { ok: true, selector }
      : { ok: false, message: 'Its selector is empty: it would pick every pod of the namespace.' };
  } catch (err) {
    return {
      ok: false,
      message: `Its selector cannot be used: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}
