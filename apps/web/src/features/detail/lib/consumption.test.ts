import type { V1PodSpec } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { consumptionOf, whenSeen } from './consumption';

const spec: V1PodSpec = {
  containers: [
    {
      name: 'app',
      env: [{ name: 'URL', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'url' } } }],
      envFrom: [{ secretRef: { name: 'creds' } }],
      volumeMounts: [
        { name: 'conf', mountPath: '/etc/app' },
        { name: 'tls', mountPath: '/etc/tls/cert.pem', subPath: 'cert.pem' },
      ],
    },
  ],
  volumes: [
    { name: 'conf', projected: { sources: [{ configMap: { name: 'cfg' } }] } },
    { name: 'tls', secret: { secretName: 'tls' } },
  ],
};

describe('consumptionOf', () => {
  it('tells env from volume use, projected volumes included', () => {
    expect(consumptionOf(spec, 'configmaps', 'cfg')).toEqual({ env: true, volume: true, subPath: false });
    expect(whenSeen(consumptionOf(spec, 'configmaps', 'cfg'))).toBe(
      'env: after a restart; volume: after the kubelet’s next sync (about a minute)',
    );
  });

  it('says a subPath mount needs a restart, and envFrom counts as env', () => {
    expect(whenSeen(consumptionOf(spec, 'secrets', 'tls'))).toBe('volume (subPath): after a restart');
    expect(consumptionOf(spec, 'secrets', 'creds')).toEqual({ env: true, volume: false, subPath: false });
    expect(consumptionOf(spec, 'secrets', 'other')).toEqual({ env: false, volume: false, subPath: false });
  });
});
