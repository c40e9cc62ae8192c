import type { SecretSummary } from '@wheelhouse/shared-types';
import { SECRET_VALUE_PLACEHOLDER } from '@wheelhouse/shared-types/constants';
import { describe, expect, it } from 'vitest';
import { withHiddenSecretValues } from './secret-yaml';

describe('withHiddenSecretValues', () => {
  const secret: SecretSummary = {
    metadata: { name: 'db', namespace: 'demo' },
    type: 'Opaque',
    dataSizes: { password: 12, 'ca.crt': 1200 },
  };

  it('shows data with a placeholder per key instead of the invented dataSizes field', () => {
    const shown = withHiddenSecretValues(secret) as Record<string, unknown>;
    expect(shown).not.toHaveProperty('dataSizes');
    expect(shown.data).toEqual({ 'ca.crt': SECRET_VALUE_PLACEHOLDER, password: SECRET_VALUE_PLACEHOLDER });
    expect(Object.keys(shown.data as object)).toEqual(['ca.crt', 'password']);
    expect(shown.type).toBe('Opaque');
  });

  it('leaves a Secret without keys without data, as kubectl prints it', () => {
    const shown = withHiddenSecretValues({ ...secret, dataSizes: {} }) as Record<string, unknown>;
    expect(shown).not.toHaveProperty('data');
    expect(shown).not.toHaveProperty('dataSizes');
  });

  it('passes other objects through unchanged', () => {
    const cm = { metadata: { name: 'x' }, data: { a: '1' } };
    expect(withHiddenSecretValues(cm)).toBe(cm);
  });
});
