/**
 * The key editors' merge patch, without the cluster: only the named keys, values placed where the
 * apiserver stores them, a rename that moves the stored bytes.
 */
import type { V1ConfigMap, V1Secret } from '@kubernetes/client-node';
import type { KeyChange } from '@wheelhouse/shared-types';
import { describe, expect, it } from 'vitest';
import { planKeyChanges } from '../src/kube/data-keys';
import { keepHiddenSecretValues, LAST_APPLIED } from '../src/kube/secret-values';

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]);

const configMap: V1ConfigMap = {
  metadata: { name: 'settings', resourceVersion: '41' },
  data: { mode: 'calm', 'app.conf': 'a=1\nb=2\n' },
  binaryData: { logo: b64(PNG) },
};
const secret: V1Secret = {
  metadata: { name: 'creds', resourceVersion: '42' },
  // A computed key: a literal `__proto__:` would set the prototype, not make a key.
  data: { password: b64('hunter2'), 'tls.key': b64(PNG), ['__proto__']: b64('odd but legal') },
};

const plan = (live: V1ConfigMap | V1Secret, changes: KeyChange[]) =>
  planKeyChanges(live === secret ? 'secrets' : 'configmaps', live, changes, '7');

describe('planKeyChanges', () => {
  it('sets one ConfigMap key and names no other, with the resourceVersion as the precondition', () => {
    expect(plan(configMap, [{ op: 'set', key: 'mode', text: 'storm\nsecond line' }])).toEqual({
      patch: { metadata: { resourceVersion: '7' }, data: { mode: 'storm\nsecond line' } },
      changedKeys: ['mode'],
    });
  });

  it('puts an uploaded ConfigMap value in data when it is UTF-8, in binaryData when not', () => {
    expect(plan(configMap, [{ op: 'set', key: 'readme', base64: b64('héllo') }]).patch).toEqual({
      metadata: { resourceVersion: '7' },
      data: { readme: 'héllo' },
    });
    expect(plan(configMap, [{ op: 'set', key: 'mode', base64: b64(PNG) }]).patch).toEqual({
      metadata: { resourceVersion: '7' },
      data: { mode: null },
      binaryData: { mode: b64(PNG) },
    });
  });

  it('renames a key by moving its stored value, binary included, and removes keys with null', () => {
    expect(
      plan(configMap, [
        { op: 'rename', from: 'logo', to: 'logo.png' },
        { op: 'remove', key: 'mode' },
      ]),
    ).toEqual({
      patch: {
        metadata: { resourceVersion: '7' },
        data: { mode: null },
        binaryData: { logo: null, 'logo.png': b64(PNG) },
      },
      changedKeys: ['logo', 'logo.png', 'mode'],
    });
  });

  it('encodes a Secret value as base64, keeps the others out of the patch, and treats "__proto__" as a key', () => {
    const { patch, changedKeys } = plan(secret, [
      { op: 'set', key: 'password', text: 'correct horse' },
      { op: 'rename', from: '__proto__', to: 'odd' },
    ]);
    expect(JSON.stringify(patch)).toBe(
      JSON.stringify({ metadata: { resourceVersion: '7' } }).replace(
        /}$/,
        `,"data":{"password":"${b64('correct horse')}","__proto__":null,"odd":"${b64('odd but legal')}"}}`,
      ),
    );
    expect(changedKeys).toEqual(['__proto__', 'odd', 'password']);
  });

  it('writes nothing for a value set to what is stored (canonical base64 compared)', () => {
    expect(plan(secret, [{ op: 'set', key: 'password', base64: b64('hunter2') }])).toEqual({
      patch: { metadata: { resourceVersion: '7' } },
      changedKeys: [],
    });
  });

  it('refuses a change that cannot apply, naming it', () => {
    const refused = (changes: KeyChange[]) => {
      try {
        plan(configMap, changes);
      } catch (err) {
        return [(err as { extra: { field?: string } }).extra.field, (err as Error).message];
      }
      return undefined;
    };
    expect(refused([{ op: 'remove', key: 'nope' }])).toEqual([
      'changes.0.key',
      'remove "nope": settings has no such key',
    ]);
    expect(refused([{ op: 'rename', from: 'mode', to: 'app.conf' }])?.[0]).toBe('changes.0.to');
    expect(
      refused([
        { op: 'remove', key: 'mode' },
        { op: 'rename', from: 'mode', to: 'x' },
      ])?.[0],
    ).toBe('changes.1.from');
    expect(refused([{ op: 'set', key: 'x' }])?.[0]).toBe('changes.0');
    expect(refused([{ op: 'set', key: 'x', text: 'a', base64: b64('a') }])?.[0]).toBe('changes.0');
    expect(refused([{ op: 'set', key: 'x', base64: 'not base64!' }])?.[0]).toBe('changes.0.base64');
  });
});

describe('keepHiddenSecretValues', () => {
  const live: V1Secret = {
    metadata: { name: 'creds', annotations: { [LAST_APPLIED]: '{"data":{"password":"aHVudGVyMg=="}}' } },
    data: { password: b64('hunter2'), 'tls.key': b64(PNG) },
  };
  const PLACEHOLDER = '<hidden: reveal the key to see it>';

  it('puts the stored value back for each placeholder and reports only the keys the edit changes', () => {
    const edited = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'creds' },
      data: { password: PLACEHOLDER, 'tls.key': PLACEHOLDER, extra: b64('new') },
      dataSizes: { password: 7 },
    };
    expect(keepHiddenSecretValues(edited, live)).toEqual(['extra']);
    expect(edited.data).toEqual({ password: b64('hunter2'), 'tls.key': b64(PNG), extra: b64('new') });
    expect(edited).not.toHaveProperty('dataSizes');
    // The user never saw the last-applied annotation: its absence from the edit is not a removal.
    expect(edited.metadata).toEqual({
      name: 'creds',
      annotations: { [LAST_APPLIED]: live.metadata?.annotations?.[LAST_APPLIED] },
    });
  });

  it('counts a removed key and a stringData key as changed', () => {
    const edited = {
      metadata: { name: 'creds' },
      data: { 'tls.key': PLACEHOLDER },
      stringData: { token: 't' },
    };
    expect(keepHiddenSecretValues(edited, live)).toEqual(['password', 'token']);
  });

  it('refuses a placeholder for a key the Secret does not have, or in stringData', () => {
    expect(() => keepHiddenSecretValues({ data: { ghost: PLACEHOLDER } } as V1Secret, live)).toThrow(
      /no key "ghost"/,
    );
    expect(() => keepHiddenSecretValues({ stringData: { password: PLACEHOLDER } } as V1Secret, live)).toThrow(
      /stringData.password holds the placeholder/,
    );
  });
});
