import type { V1EndpointSlice, V1Pod, V1ReplicaSet } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { containerStateText, volumeSource } from './pod-details';
import {
  endpointStates,
  ownedBy,
  ownedByAny,
  podReferences,
  podsReferencing,
  podsSelectedBy,
} from './relations';
import { base64Size, decodeSecretValue, formatBytes, hexDump } from './secret-value';

const owner = (uid: string) => [
  { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'x', uid, controller: true },
];
const pod = (name: string, extra: Partial<V1Pod> = {}, labels: Record<string, string> = {}): V1Pod => ({
  metadata: { name, uid: `uid-${name}`, labels, ...(extra.metadata ?? {}) },
  spec: { containers: [{ name: 'c' }], ...(extra.spec ?? {}) },
});

describe('ownership', () => {
  it('finds the ReplicaSets of a Deployment and the Pods of those ReplicaSets, sorted by name', () => {
    const rss: V1ReplicaSet[] = [
      { metadata: { name: 'api-b', uid: 'rs2', ownerReferences: owner('d1') } },
      { metadata: { name: 'api-a', uid: 'rs1', ownerReferences: owner('d1') } },
      { metadata: { name: 'other', uid: 'rs3', ownerReferences: owner('d2') } },
    ];
    expect(ownedBy(rss, 'd1').map((r) => r.metadata?.name)).toEqual(['api-a', 'api-b']);
    expect(ownedBy(rss, undefined)).toEqual([]);
    const pods = [
      pod('p2', { metadata: { ownerReferences: owner('rs2') } }),
      pod('p1', { metadata: { ownerReferences: owner('rs1') } }),
      pod('p3', { metadata: { ownerReferences: owner('rs3') } }),
    ];
    expect(ownedByAny(pods, new Set(['rs1', 'rs2'])).map((p) => p.metadata?.name)).toEqual(['p1', 'p2']);
  });
});

describe('podsSelectedBy', () => {
  const pods = [pod('a', {}, { app: 'web', tier: 'front' }), pod('b', {}, { app: 'db' })];
  it('selects with the Service selector map', () => {
    expect(podsSelectedBy(pods, { app: 'web' }).map((p) => p.metadata?.name)).toEqual(['a']);
  });
  it('selects nothing without a selector (not everything)', () => {
    expect(podsSelectedBy(pods, undefined)).toEqual([]);
    expect(podsSelectedBy(pods, {})).toEqual([]);
  });
});

describe('endpointStates', () => {
  it('reads ready/serving/terminating per pod, with the API defaults for unset conditions', () => {
    const slice: V1EndpointSlice = {
      addressType: 'IPv4',
      endpoints: [
        {
          addresses: ['10.0.0.1'],
          conditions: { ready: false, serving: false, terminating: false },
          targetRef: { kind: 'Pod', name: 'a' },
        },
        { addresses: ['10.0.0.2'], conditions: {}, targetRef: { kind: 'Pod', name: 'b' } },
        {
          addresses: ['10.0.0.3'],
          conditions: { ready: false, serving: true, terminating: true },
          targetRef: { kind: 'Pod', name: 'c' },
        },
      ],
    };
    const states = endpointStates([slice]);
    expect(states.get('a')).toEqual({
      ready: false,
      serving: false,
      terminating: false,
      addresses: ['10.0.0.1'],
    });
    expect(states.get('b')).toMatchObject({ ready: true, serving: true, terminating: false });
    expect(states.get('c')).toMatchObject({ ready: false, serving: true, terminating: true });
  });
});

describe('podReferences', () => {
  it('finds ConfigMaps and Secrets in volumes, projected volumes, env, envFrom and imagePullSecrets', () => {
    const refs = podReferences({
      containers: [
        {
          name: 'c',
          env: [
            { name: 'A', valueFrom: { configMapKeyRef: { name: 'cm-env', key: 'k' } } },
            { name: 'B', valueFrom: { secretKeyRef: { name: 's-env', key: 'k' } } },
          ],
          envFrom: [{ configMapRef: { name: 'cm-from' } }, { secretRef: { name: 's-from' } }],
        },
      ],
      initContainers: [{ name: 'i', envFrom: [{ secretRef: { name: 's-init' } }] }],
      volumes: [
        { name: 'v1', configMap: { name: 'cm-vol' } },
        { name: 'v2', secret: { secretName: 's-vol' } },
        {
          name: 'v3',
          projected: { sources: [{ configMap: { name: 'cm-proj' } }, { secret: { name: 's-proj' } }] },
        },
      ],
      imagePullSecrets: [{ name: 'registry' }],
    });
    expect([...refs.configMaps].sort()).toEqual(['cm-env', 'cm-from', 'cm-proj', 'cm-vol']);
    expect([...refs.secrets].sort()).toEqual(['registry', 's-env', 's-from', 's-init', 's-proj', 's-vol']);
  });

  it('lists the pods that reference a Secret', () => {
    const pods = [
      pod('x', { spec: { containers: [{ name: 'c' }], imagePullSecrets: [{ name: 'reg' }] } }),
      pod('y'),
    ];
    expect(podsReferencing(pods, 'secrets', 'reg').map((p) => p.metadata?.name)).toEqual(['x']);
    expect(podsReferencing(pods, 'configmaps', 'reg')).toEqual([]);
  });
});

describe('secret values', () => {
  it('decodes UTF-8 text', () => {
    expect(decodeSecretValue(btoa('hunter2')).text).toBe('hunter2');
    const utf8 = btoa(String.fromCharCode(...new TextEncoder().encode('grüß')));
    expect(decodeSecretValue(utf8).text).toBe('grüß');
  });
  it('has no text for binary values, shown as hex', () => {
    const value = decodeSecretValue(btoa(String.fromCharCode(0x89, 0x50, 0xff, 0xfe)));
    expect(value.text).toBeUndefined();
    expect(hexDump(value.bytes)).toBe('00000000  89 50 ff fe');
  });
  it('prints sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KiB');
    expect(base64Size('aGk=')).toBe(2);
  });
});

describe('pod details', () => {
  it('describes container states', () => {
    expect(containerStateText({ running: {} })).toEqual({ text: 'Running', tone: 'ok' });
    expect(containerStateText({ waiting: { reason: 'CrashLoopBackOff' } }).text).toBe(
      'Waiting: CrashLoopBackOff',
    );
    expect(containerStateText({ terminated: { exitCode: 137, reason: 'OOMKilled' } })).toEqual({
      text: 'Terminated: OOMKilled (exit 137)',
      tone: 'error',
    });
  });
  it('names volume sources with links to ConfigMaps and Secrets', () => {
    expect(volumeSource({ name: 'v', configMap: { name: 'cfg' } })).toEqual({
      type: 'ConfigMap',
      target: { kind: 'configmaps', name: 'cfg' },
    });
    expect(volumeSource({ name: 'v', emptyDir: {} }).type).toBe('EmptyDir');
  });
});
