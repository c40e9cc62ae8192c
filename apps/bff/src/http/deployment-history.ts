/**
 * A Deployment's revision history (`GET /api/deployments/:namespace/:name/history`), and the two reads
 * the rollout actions share with it: which Deployment a request names, and its ReplicaSets. The rules
 * (which ReplicaSets, which revision is which) are @wheelhouse/core's; this file does the I/O, as the
 * caller.
 */
import type { V1Deployment, V1ReplicaSet, V1ReplicaSetList } from '@kubernetes/client-node';
import {
  replicaSetsOf,
  revisionHistory,
  revisionOf,
  selectorFromLabelSelector,
  selectorToString,
} from '@wheelhouse/core';
import { type HistoryResponse, NamespaceName, ObjectName } from '@wheelhouse/shared-types';
import { type Request, Router } from 'express';
import type { Caller, Callers } from '../kube/callers';
import { collectionPath, objectPath } from '../kube/resources';
import type { Metrics } from '../metrics';
import { callerOf, timedRequests } from './caller';
import { parseInput } from './validate';

export type Timed = ReturnType<typeof timedRequests>;

export interface DeploymentTarget {
  namespace: string;
  name: string;
  caller: Caller;
  /** The Deployment's apiserver path. */
  path: string;
}

/** The Deployment named by `:namespace/:name`, and who asks (400 on a bad name or namespace). */
export function deploymentTarget(callers: Callers, req: Request): DeploymentTarget {
  const namespace = parseInput(NamespaceName, req.params.namespace, 'namespace');
  const name = parseInput(ObjectName, req.params.name, 'name');
  return {
    namespace,
    name,
    caller: callerOf(callers, req),
    path: objectPath('deployments', namespace, name),
  };
}

/**
 * The Deployment's ReplicaSets: listed by its selector, kept when it controls them (as the deployment
 * controller and kubectl's deploymentutil.ListReplicaSets do).
 */
export async function listReplicaSetsOf(
  timed: Timed,
  caller: Caller,
  d: V1Deployment,
): Promise<V1ReplicaSet[]> {
  const namespace = d.metadata?.namespace ?? '';
  const selector = selectorToString(selectorFromLabelSelector(d.spec?.selector));
  const list = await timed<V1ReplicaSetList>('list', caller, collectionPath('replicasets', namespace), {
    query: { labelSelector: selector },
  });
  return replicaSetsOf(d, list.items);
}

export function historyRoutes(deps: { callers: Callers; metrics: Metrics }): Router {
  const { callers } = deps;
  const timed = timedRequests(deps.metrics);
  const r = Router();

  r.get('/deployments/:namespace/:name/history', async (req, res) => {
    const { caller, path } = deploymentTarget(callers, req);
    const d = await timed<V1Deployment>('get', caller, path);
    const revisions = revisionHistory(d, await listReplicaSetsOf(timed, caller, d));
    const current = revisionOf(d);
    const body: HistoryResponse = {
      resourceVersion: d.metadata?.resourceVersion ?? '',
      ...(current !== undefined ? { currentRevision: current } : {}),
      revisions,
    };
    res.json(body);
  });

  return r;
}
