import { describe, expect, it } from 'vitest';
import { checkYaml, parseDocuments } from './yaml-check';

const expected = { apiVersion: 'v1', kind: 'ConfigMap', name: 'cfg', namespace: 'shop' };
const good = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: shop\ndata:\n  a: "1"\n';

describe('checkYaml', () => {
  it('accepts the object it edits', () => {
    expect(checkYaml(good, expected)).toEqual([]);
  });

  it('points a syntax error at its line and column', () => {
    const problems = checkYaml('apiVersion: v1\nkind: ConfigMap: x\nmetadata:\n  name: cfg\n', expected);
    expect(problems).toEqual([
      {
        from: 21,
        to: 22,
        line: 2,
        column: 7,
        message: 'Nested mappings are not allowed in compact mappings',
      },
    ]);
  });

  it('refuses a rename, pointing at the name', () => {
    const problems = checkYaml(good.replace('name: cfg', 'name: other'), expected);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 4,
        column: 9,
        message:
          'metadata.name must stay "cfg" (this edits configmap/cfg; renaming or moving is not editing).',
      }),
    ]);
  });

  it('refuses another kind and a missing namespace', () => {
    const text = good.replace('kind: ConfigMap', 'kind: Secret').replace('  namespace: shop\n', '');
    expect(checkYaml(text, expected).map((p) => p.message)).toEqual([
      'kind must stay "ConfigMap" (this edits configmap/cfg; renaming or moving is not editing).',
      'metadata.namespace is missing: it must stay "shop".',
    ]);
  });

  it('refuses a second document in a single-object edit, but not in a create', () => {
    const text = `${good}---\n${good}`;
    expect(checkYaml(text, expected)[0]?.message).toBe(
      'One object is edited here: remove the other 1 document(s) (use Create for more).',
    );
    expect(checkYaml(text)).toEqual([]);
    expect(parseDocuments(text)).toHaveLength(2);
  });

  it('refuses empty input, a scalar document and oversized input', () => {
    expect(checkYaml('# nothing\n')[0]?.message).toBe('The YAML is empty.');
    expect(checkYaml('just text')[0]?.message).toMatch(/must be a mapping/);
    expect(checkYaml(`a: "${'x'.repeat(1_048_576)}"`)[0]?.message).toMatch(/at most 1048576 may be sent/);
  });

  it('refuses duplicate keys (the apiserver would keep only one)', () => {
    expect(checkYaml('a: 1\na: 2\n')[0]?.message).toMatch(/unique/i);
  });
});
