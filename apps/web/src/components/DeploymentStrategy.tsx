import type { V1Deployment } from '@kubernetes/client-node';
import { strategyText } from '../lib/deployment-strategy';

/** A Deployment's strategy, its budget resolved to pods (the detail page and the rollout cockpit). */
export function DeploymentStrategy({ deployment }: { deployment: V1Deployment }) {
  return <span data-testid="strategy">{strategyText(deployment)}</span>;
}
