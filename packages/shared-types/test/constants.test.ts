import { describe, expect, it, vi } from 'vitest';

// Records whether any module loaded in this file imported zod.
const loaded = vi.hoisted(() => ({ zod: false }));
vi.mock('zod', async (importOriginal) => {
  loaded.zod = true;
  return importOriginal();
});

describe('the constants entry (@wheelhouse/shared-types/constants)', () => {
  it('loads without zod, with the values the web needs', async () => {
    const constants = await import('../src/constants');
    expect(constants.SOCKET_PATH).toBe('/api/socket');
    expect(constants.CSRF_HEADER).toBe('x-wheelhouse-csrf');
    expect(constants.KINDS.pods.kind).toBe('Pod');
    expect(constants.ACTION_PERMISSIONS.scale).toBe('patch:deployments/scale');
    expect(constants.EXEC_DEFAULT_SHELLS).toEqual(['bash', 'sh', 'ash']);
    expect(constants.WRITABLE_KINDS).toContain('secrets');
    expect(constants.MAX_YAML_BYTES).toBe(1_048_576);
    expect(loaded.zod).toBe(false);
  });

  it('is the only entry that does: the main entry brings the schemas and zod', async () => {
    const main = await import('../src/index');
    expect(main.SOCKET_PATH).toBe('/api/socket');
    expect(loaded.zod).toBe(true);
  });
});
