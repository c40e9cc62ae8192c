import type { V1Pod, V1ReplicaSet } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { deletePlan } from './delete-plan';

const owner = (kind: string, name: string) => [
  { apiVersion: 'apps/v1', kind, name, uid: `uid-${name}`, controller: true },
];
const rs = (name: string, deployment: string): V1ReplicaSet => ({
  metadata: { name, uid: `uid-${name}`, ownerReferences: owner('Deployment', deployment) },
});
const pod = (name: string, ownerKind?: string, ownerName?: string): V1Pod => ({
  metadata: {
    name,
    uid: `uid-${name}`,
    ...(ownerKind && ownerName ? { ownerReferences: owner(ownerKind, ownerName) } : {}),
  },
});

describe('deletePlan', () => {
  const replicaSets = [rs('web-2', 'web'), rs('web-1', 'web'), rs('api-1', 'api')];
  const pods = [
    pod('web-2-a', 'ReplicaSet', 'web-2'),
    pod('web-1-a', 'ReplicaSet', 'web-1'),
    pod('api-1-a', 'ReplicaSet', 'api-1'),
  ];

  it('names a Deployment’s ReplicaSets and their Pods', () => {
    expect(
      deletePlan('deployments', { metadata: { name: 'web', uid: 'uid-web' } }, { replicaSets, pods }),
    ).toEqual({
      label: 'deployment/web',
      owned: [
        { noun: 'ReplicaSets', names: ['web-1', 'web-2'] },
        { noun: 'Pods', names: ['web-1-a', 'web-2-a'] },
      ],
      cascades: true,
      afterwards: undefined,
    });
  });

  it('names a ReplicaSet’s Pods and says its Deployment may create it again', () => {
    const plan = deletePlan('replicasets', rs('web-2', 'web'), { pods });
    expect(plan.owned).toEqual([{ noun: 'Pods', names: ['web-2-a'] }]);
    expect(plan.afterwards).toBe(
      'Deployment web owns it: if it is the Deployment’s current ReplicaSet, the Deployment creates a new one.',
    );
  });

  it('says a ReplicaSet will replace its Pod, and that a bare Pod will not come back', () => {
    expect(deletePlan('pods', pod('web-2-a', 'ReplicaSet', 'web-2'), {})).toMatchObject({
      label: 'pod/web-2-a',
      cascades: false,
      afterwards: 'Its ReplicaSet web-2 will replace it.',
    });
    expect(deletePlan('pods', pod('lonely'), {}).afterwards).toBe(
      'No controller owns it: it will not come back.',
    );
    expect(deletePlan('pods', pod('db-0', 'StatefulSet', 'db'), {}).afterwards).toBe(
      'Its StatefulSet db will likely replace it.',
    );
  });

  it('has nothing to say about what a ConfigMap owns', () => {
    expect(deletePlan('configmaps', { metadata: { name: 'cfg' } }, {})).toEqual({
      label: 'configmap/cfg',
      owned: [],
      cascades: false,
      afterwards: undefined,
    });
  });
});
