import { describe, expect, it } from 'vitest';

// Every source file of the app (tests and test helpers run in node, not in the bundle).
const sources = import.meta.glob<string>(['./**/*.{ts,tsx}', '!./**/*.test.{ts,tsx}', '!./**/testing/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** `import … from '@wheelhouse/shared-types'` statements that are not `import type`. */
function valueImportsOfSchemas(source: string): string[] {
  const statements = source.match(/^import\s[^;]*?from\s+'@wheelhouse\/shared-types';/gm) ?? [];
  return statements.filter((s) => !/^import\s+type\s/.test(s));
}

describe('the bundle and the wire contract', () => {
  it('takes values from the zod-free constants entry only, so no schema (and no zod) is bundled', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    const offenders = Object.entries(sources).flatMap(([file, source]) =>
      valueImportsOfSchemas(source).map((statement) => `${file}: ${statement}`),
    );
    expect(offenders).toEqual([]);
  });

  it('recognises such an import, inline type markers or not', () => {
    expect(valueImportsOfSchemas("import { SOCKET_PATH } from '@wheelhouse/shared-types';")).toHaveLength(1);
    expect(
      valueImportsOfSchemas("import {\n  type A,\n  type B,\n} from '@wheelhouse/shared-types';"),
    ).toHaveLength(1);
    expect(valueImportsOfSchemas("import type { A } from '@wheelhouse/shared-types';")).toHaveLength(0);
    expect(valueImportsOfSchemas("import { KINDS } from '@wheelhouse/shared-types/constants';")).toHaveLength(
      0,
    );
  });
});
