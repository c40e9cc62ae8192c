import type { SecretSummary } from '@wheelhouse/shared-types';
import { SECRET_VALUE_PLACEHOLDER } from '@wheelhouse/shared-types/constants';

/**
 * A Secret as Kubernetes knows it, with every value hidden: the wire's `dataSizes` (the BFF's own field,
 * which no Kubernetes object has) becomes `data` with SECRET_VALUE_PLACEHOLDER for each key, keys sorted
 * as `kubectl get -o yaml` prints them. Objects without `dataSizes` (other kinds, or a write's answer
 * that already carries placeholders) come back unchanged.
 */
export function withHiddenSecretValues<T extends object>(object: T): T {
  if (!('dataSizes' in object)) return object;
  const { dataSizes, ...rest } = object as unknown as SecretSummary;
  const keys = Object.keys(dataSizes ?? {}).sort();
  const shown: Record<string, unknown> = { ...rest };
  if (keys.length > 0) shown.data = Object.fromEntries(keys.map((k) => [k, SECRET_VALUE_PLACEHOLDER]));
  return shown as T;
}
