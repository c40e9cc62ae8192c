import type { V1Secret } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { base64ByteLength, sanitize } from '../src/kube/sanitize';

describe('sanitize', () => {
  it('removes every Secret value from the very object it is given, keeping byte sizes', () => {
    const secret: V1Secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 's',
        managedFields: [{ manager: 'kubectl' }],
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"k":"c2VjcmV0"}}',
          keep: 'me',
        },
      },
      data: { k: Buffer.from('secret').toString('base64'), empty: '' },
    };
    const out = sanitize('secrets', secret);
    expect(out).toBe(secret);
    expect(JSON.stringify(secret)).not.toContain('c2VjcmV0');
    expect(secret.data).toBeUndefined();
    expect((secret as unknown as { dataSizes: Record<string, number> }).dataSizes).toEqual({
      k: 6,
      empty: 0,
    });
    expect(secret.metadata?.managedFields).toBeUndefined();
    expect(secret.metadata?.annotations).toEqual({ keep: 'me' });
  });

  it('computes decoded sizes from base64 with and without padding', () => {
    for (const s of ['', 'a', 'ab', 'abc', 'abcd', 'hello world!']) {
      expect(base64ByteLength(Buffer.from(s).toString('base64'))).toBe(Buffer.byteLength(s));
    }
  });

  it('keeps a key named "__proto__" as a key of the summary (as JSON.parse gives it), not as a prototype', () => {
    const secret = JSON.parse(
      '{"kind":"Secret","metadata":{"name":"s"},"data":{"__proto__":"YWJj","constructor":"YQ=="}}',
    ) as V1Secret;
    const { dataSizes } = sanitize('secrets', secret) as unknown as { dataSizes: Record<string, number> };
    expect(Object.keys(dataSizes).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(dataSizes)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(dataSizes))).toEqual(JSON.parse('{"__proto__":3,"constructor":1}'));
  });
});
