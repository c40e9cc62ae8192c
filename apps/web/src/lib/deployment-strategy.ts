import type { IntOrString, V1Deployment } from '@kubernetes/client-node';
import { type RollingUpdateBudget, resolveRollingUpdate } from '@wheelhouse/core';

/** The resolved maxSurge/maxUnavailable, or undefined when the spec holds a value that is not "N%". */
export function rolloutBudget(d: V1Deployment): RollingUpdateBudget | undefined {
  try {
    return resolveRollingUpdate(d);
  } catch {
    return undefined;
  }
}

const pods = (n: number) => `${n} ${n === 1 ? 'pod' : 'pods'}`;

/**
 * One value as written, with the pods it comes to when that is not the value itself: "25% (1 pod)",
 * "1", or "0 (1 pod)" when the controller raised a 0/0 budget to let the rollout progress.
 */
function budgetValue(raw: IntOrString | undefined, resolved: number): string {
  // The apiserver defaults both values to 25% (SetDefaults_Deployment).
  const text = raw === undefined ? '25%' : String(raw);
  return text === String(resolved) ? text : `${text} (${pods(resolved)})`;
}

/**
 * A Deployment's strategy in words, with maxSurge/maxUnavailable resolved to pods the way the
 * deployment controller does (ResolveFenceposts, via `resolveRollingUpdate`), or the reason it
 * cannot be resolved. The one wording of the detail page and the rollout cockpit.
 */
export function strategyText(d: V1Deployment): string {
  const strategy = d.spec?.strategy;
  let budget: RollingUpdateBudget;
  try {
    budget = resolveRollingUpdate(d);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (strategy?.type === 'Recreate') {
    const n = budget.maxUnavailable;
    return `Recreate: all ${n} ${n === 1 ? 'pod is' : 'pods are'} stopped before new ones start`;
  }
  return `RollingUpdate: maxSurge ${budgetValue(strategy?.rollingUpdate?.maxSurge, budget.maxSurge)}, maxUnavailable ${budgetValue(strategy?.rollingUpdate?.maxUnavailable, budget.maxUnavailable)}`;
}
