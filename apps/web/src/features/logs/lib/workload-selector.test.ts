import { describe, expect, it } from 'vitest';
import { workloadSelector } from './workload-selector';

describe('workloadSelector', () => {
  it("takes a Deployment's selector, expressions included, in canonical form", () => {
    expect(
      workloadSelector({
        kind: 'deployments',
        object: {
          spec: {
            selector: {
              matchLabels: { app: 'web' },
              matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }],
            },
            template: {},
          },
        },
      }),
    ).toEqual({ ok: true, selector: 'app=web,tier in (a,b)' });
  });

  it("takes a Service's map, and refuses a Service without one", () => {
    expect(workloadSelector({ kind: 'services', object: { spec: { selector: { app: 'api' } } } })).toEqual({
      ok: true,
      selector: 'app=api',
    });
    expect(workloadSelector({ kind: 'services', object: { spec: {} } })).toMatchObject({ ok: false });
    expect(workloadSelector({ kind: 'replicasets', object: { spec: { selector: {} } } })).toMatchObject({
      ok: false,
    });
  });
});
