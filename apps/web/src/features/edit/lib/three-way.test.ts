import { describe, expect, it } from 'vitest';
import { changedPaths, formatPath, rebaseEdit } from './three-way';

const deployment = (over: {
  image?: string;
  replicas?: number;
  labels?: Record<string, string>;
  env?: string[];
  rv?: string;
}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: 'shop',
    resourceVersion: over.rv ?? '10',
    labels: over.labels ?? { app: 'web' },
  },
  spec: {
    replicas: over.replicas ?? 2,
    template: {
      spec: {
        containers: [
          {
            name: 'web',
            image: over.image ?? 'web:1',
            env: (over.env ?? ['A']).map((name) => ({ name, value: '1' })),
          },
        ],
      },
    },
  },
  status: { replicas: 2 },
});

describe('changedPaths', () => {
  it('names the deepest differing values and ignores status, resourceVersion and generation', () => {
    const a = deployment({});
    const b = { ...deployment({ image: 'web:2', rv: '11' }), status: { replicas: 3 } };
    expect(changedPaths(a, b).map(formatPath)).toEqual(['spec.template.spec.containers[0].image']);
  });

  it('takes an array of another length as one change, and added or removed keys as theirs', () => {
    const a = deployment({});
    const b = deployment({ env: ['A', 'B'], labels: { app: 'web', tier: 'front' } });
    expect(changedPaths(a, b).map(formatPath)).toEqual([
      'metadata.labels.tier',
      'spec.template.spec.containers[0].env',
    ]);
  });

  it('quotes keys that are not identifiers', () => {
    expect(formatPath(['metadata', 'annotations', 'kubernetes.io/change-cause'])).toBe(
      'metadata.annotations["kubernetes.io/change-cause"]',
    );
  });
});

describe('rebaseEdit', () => {
  it('replays a non-overlapping change onto the current version, at its resourceVersion', () => {
    const original = deployment({});
    const edited = deployment({ image: 'web:2' });
    const current = deployment({ replicas: 5, rv: '12' });
    const result = rebaseEdit(original, edited, current);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.mine).toEqual(['spec.template.spec.containers[0].image']);
    expect(result.theirs).toEqual(['spec.replicas']);
    expect(result.object).toEqual(deployment({ image: 'web:2', replicas: 5, rv: '12' }));
    // The inputs are left alone.
    expect(current.spec.template.spec.containers[0]?.image).toBe('web:1');
  });

  it('refuses when both changed the same field, naming it', () => {
    const result = rebaseEdit(
      deployment({}),
      deployment({ image: 'web:2' }),
      deployment({ image: 'web:3', rv: '12' }),
    );
    expect(result).toMatchObject({ ok: false, overlapping: ['spec.template.spec.containers[0].image'] });
  });

  it('refuses when the other change rewrote an array the user changed inside', () => {
    const result = rebaseEdit(deployment({}), deployment({ image: 'web:2' }), {
      ...deployment({ rv: '12' }),
      spec: { ...deployment({}).spec, template: { spec: { containers: [] } } },
    });
    expect(result).toMatchObject({ ok: false, overlapping: ['spec.template.spec.containers'] });
  });

  it('replays added and removed keys, creating parents the current version lacks', () => {
    const original = { metadata: { name: 'c', labels: { a: '1', b: '2' } }, data: { x: '1' } };
    const edited = {
      metadata: { name: 'c', labels: { a: '1' }, annotations: { note: 'hi' } },
      data: { x: '1' },
    };
    const current = { metadata: { name: 'c', labels: { a: '1', b: '2' } }, data: { x: '2' } };
    const result = rebaseEdit(original, edited, current);
    expect(result).toMatchObject({
      ok: true,
      object: { metadata: { name: 'c', labels: { a: '1' }, annotations: { note: 'hi' } }, data: { x: '2' } },
    });
  });

  it('counts changes the objects cannot show (a Secret value behind its placeholder) as theirs', () => {
    const doc = { data: { password: '<hidden>', token: '<hidden>' } };
    const edited = { data: { password: 'bmV3', token: '<hidden>' } };
    expect(rebaseEdit(doc, edited, doc, [['data', 'password']])).toMatchObject({
      ok: false,
      overlapping: ['data.password'],
    });
    expect(rebaseEdit(doc, edited, doc, [['data', 'token']])).toMatchObject({
      ok: true,
      object: { data: { password: 'bmV3', token: '<hidden>' } },
    });
  });
});
