import type { V1ConfigMap, V1Deployment, V1Pod, V1ReplicaSet, V1Service } from '@kubernetes/client-node';
import type { SecretSummary } from '@wheelhouse/shared-types';
import { describe, expect, it } from 'vitest';
import { compareReady, formatLabels, labelSelectorText, serviceExternalIp, servicePorts } from './columns';
import { configMapRow, deploymentRow, podRow, replicaSetRow, secretRow, serviceRow } from './rows';

const meta = (name: string, extra: object = {}) => ({
  name,
  namespace: 'demo',
  uid: `uid-${name}`,
  resourceVersion: '42',
  creationTimestamp: '2026-11-25T17:46:08Z' as unknown as Date,
  ...extra,
});

describe('deploymentRow (kubectl get deploy -o wide)', () => {
  it('prints READY as ready/desired, the template containers and the selector', () => {
    const d: V1Deployment = {
      metadata: meta('payments'),
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'payments' } },
        template: {
          spec: {
            containers: [
              { name: 'payments', image: 'registry.invalid/payments:0.9.1' },
              { name: 'proxy', image: 'envoy:1' },
            ],
          },
        },
      },
      status: { replicas: 2, updatedReplicas: 2 },
    };
    expect(deploymentRow(d)).toMatchObject({
      name: 'payments',
      ready: '0/2',
      upToDate: 2,
      available: 0,
      containers: 'payments,proxy',
      images: 'registry.invalid/payments:0.9.1,envoy:1',
      selector: 'app=payments',
      created: Date.parse('2026-11-25T17:46:08Z'),
    });
  });

  it('is computed once per object', () => {
    const d: V1Deployment = { metadata: meta('x'), spec: { selector: {}, template: {} } };
    expect(deploymentRow(d)).toBe(deploymentRow(d));
  });
});

describe('labelSelectorText', () => {
  it('prints matchLabels and expressions sorted by key, like LabelSelectorAsSelector().String()', () => {
    expect(
      labelSelectorText({
        matchLabels: { tier: 'web', app: 'shop' },
        matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'canary'] }],
      }),
    ).toBe('app=shop,env in (canary,prod),tier=web');
  });
  it('prints <none> for a missing selector and <error> for an invalid one', () => {
    expect(labelSelectorText(undefined)).toBe('<none>');
    expect(labelSelectorText({ matchExpressions: [{ key: 'a', operator: 'Bogus' }] })).toBe('<error>');
  });
});

describe('replicaSetRow (kubectl get rs -o wide)', () => {
  it('prints DESIRED, CURRENT, READY, the selector with pod-template-hash and the owning Deployment', () => {
    const rs: V1ReplicaSet = {
      metadata: meta('api-7cf897fbfb', {
        annotations: { 'deployment.kubernetes.io/revision': '4' },
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api', uid: 'd1', controller: true },
        ],
      }),
      spec: {
        replicas: 4,
        selector: { matchLabels: { app: 'api', 'pod-template-hash': '7cf897fbfb' } },
        template: { spec: { containers: [{ name: 'api', image: 'registry.invalid/api:2.4.4' }] } },
      },
      status: { replicas: 4, readyReplicas: 3, availableReplicas: 2 },
    };
    expect(replicaSetRow(rs)).toMatchObject({
      desired: 4,
      current: 4,
      ready: 3,
      available: 2,
      revision: 4,
      containers: 'api',
      images: 'registry.invalid/api:2.4.4',
      imageList: ['registry.invalid/api:2.4.4'],
      selector: 'app=api,pod-template-hash=7cf897fbfb',
      owner: 'Deployment/api',
      ownerKind: 'Deployment',
      ownerName: 'api',
    });
  });
  it('prints 0 for unset counts and <none> without an owner', () => {
    const rs: V1ReplicaSet = { metadata: meta('lonely'), spec: { selector: {} } };
    expect(replicaSetRow(rs)).toMatchObject({
      desired: 0,
      current: 0,
      ready: 0,
      available: 0,
      revision: undefined,
      owner: '<none>',
    });
  });
});

describe('serviceRow (kubectl get svc -o wide)', () => {
  it('prints a ClusterIP Service as kubectl does', () => {
    const svc: V1Service = {
      metadata: meta('api'),
      spec: {
        type: 'ClusterIP',
        clusterIP: '10.96.231.108',
        selector: { app: 'api' },
        ports: [{ name: 'http', port: 9090, protocol: 'TCP', targetPort: 'http' as unknown as number }],
      },
    };
    expect(serviceRow(svc)).toMatchObject({
      type: 'ClusterIP',
      clusterIp: '10.96.231.108',
      externalIp: '<none>',
      ports: '9090/TCP',
      selector: 'app=api',
    });
  });

  it('prints node ports as port:nodePort/protocol', () => {
    expect(
      servicePorts([
        { port: 80, nodePort: 30080, protocol: 'TCP' },
        { port: 53, protocol: 'UDP' },
      ]),
    ).toBe('80:30080/TCP,53/UDP');
    expect(servicePorts([])).toBe('<none>');
  });

  it('prints <pending> for a LoadBalancer without ingress, then its addresses', () => {
    const lb: V1Service = { spec: { type: 'LoadBalancer' } };
    expect(serviceExternalIp(lb)).toBe('<pending>');
    expect(
      serviceExternalIp({
        spec: { type: 'LoadBalancer', externalIPs: ['1.2.3.4'] },
        status: { loadBalancer: { ingress: [{ ip: '5.6.7.8' }, { hostname: 'lb.example.com' }] } },
      }),
    ).toBe('5.6.7.8,lb.example.com,1.2.3.4');
  });

  it('prints the external name of an ExternalName Service and <none> for a selector-less one', () => {
    const svc: V1Service = {
      metadata: meta('ext'),
      spec: { type: 'ExternalName', externalName: 'db.example.com' },
    };
    expect(serviceRow(svc)).toMatchObject({
      externalIp: 'db.example.com',
      clusterIp: '<none>',
      selector: '<none>',
      ports: '<none>',
    });
  });

  it('formats labels sorted by key', () => {
    expect(formatLabels({ tier: 'web', app: 'shop' })).toBe('app=shop,tier=web');
  });
});

describe('configMapRow and secretRow', () => {
  it('counts data and binaryData keys of a ConfigMap', () => {
    const cm: V1ConfigMap = {
      metadata: meta('brand-assets'),
      data: { README: 'x' },
      binaryData: { 'logo.png': 'iVBO', 'motd.txt.gz': 'H4sI' },
    };
    expect(configMapRow(cm).data).toBe(3);
    expect(configMapRow({ metadata: meta('empty') }).data).toBe(0);
  });

  it('counts the keys of a Secret summary and keeps its type', () => {
    const s: SecretSummary = {
      metadata: meta('frontend-tls'),
      type: 'kubernetes.io/tls',
      dataSizes: { 'tls.crt': 1200, 'tls.key': 1700 },
    };
    expect(secretRow(s)).toMatchObject({ type: 'kubernetes.io/tls', data: 2 });
  });
});

describe('compareReady', () => {
  it('puts the least ready first, numerically (10/10 after 2/3)', () => {
    expect(['10/10', '2/3', '0/2', '1/1', '3/3'].sort(compareReady)).toEqual([
      '0/2',
      '2/3',
      '1/1',
      '3/3',
      '10/10',
    ]);
  });
});

describe('podRow', () => {
  const pod: V1Pod = {
    metadata: {
      name: 'web-1',
      namespace: 'shop',
      uid: 'u1',
      resourceVersion: '7',
      creationTimestamp: '2025-01-01T00:00:00Z' as unknown as Date,
    },
    spec: { nodeName: 'kwok-node-0', containers: [{ name: 'app' }] },
    status: {
      phase: 'Running',
      podIP: '10.0.0.5',
      containerStatuses: [
        {
          name: 'app',
          image: 'x',
          imageID: '',
          ready: true,
          restartCount: 2,
          state: { running: {} },
          lastState: { terminated: { exitCode: 1, finishedAt: '2025-01-01T01:00:00Z' as unknown as Date } },
        },
      ],
    },
  };

  it('computes the kubectl -o wide columns', () => {
    const row = podRow(pod);
    expect(row).toMatchObject({
      uid: 'u1',
      name: 'web-1',
      namespace: 'shop',
      version: '7',
      ready: '1/1',
      status: 'Running',
      restarts: 2,
      lastRestart: Date.parse('2025-01-01T01:00:00Z'),
      created: Date.parse('2025-01-01T00:00:00Z'),
      ip: '10.0.0.5',
      node: 'kwok-node-0',
    });
  });

  it('prints <none> for a pod not yet scheduled and memoises per object', () => {
    const pending: V1Pod = { metadata: { name: 'p', uid: 'u2' }, status: { phase: 'Pending' } };
    expect(podRow(pending)).toMatchObject({ ip: '<none>', node: '<none>', status: 'Pending', ready: '0/0' });
    expect(podRow(pending)).toBe(podRow(pending));
  });
});
