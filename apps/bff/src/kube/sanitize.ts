import type { KubernetesObject, V1Secret } from '@kubernetes/client-node';
import type { ResourceKind, SecretSummary } from '@wheelhouse/shared-types';

/** Decoded byte length of a base64 string, without decoding it. */
export function base64ByteLength(b64: string): number {
  const clean = b64.replace(/\s/g, '');
  if (clean.length === 0) return 0;
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}

/**
 * Turns a Secret into a SecretSummary in place: every value removed, each key's byte size kept.
 * In place on purpose: the watch hands the same object to client-node's cache, which must never
 * hold a value.
 */
export function summarizeSecret(secret: V1Secret): SecretSummary {
  // Built with Object.fromEntries (own data properties), not by assignment: a Secret may have a key
  // named "__proto__", and `sizes["__proto__"] = n` would set a prototype instead of listing the key.
  const dataSizes: Record<string, number> = Object.fromEntries([
    ...Object.entries(secret.data ?? {}).map(([key, value]) => [key, base64ByteLength(value)] as const),
    ...Object.entries(secret.stringData ?? {}).map(
      ([key, value]) => [key, new TextEncoder().encode(value).length] as const,
    ),
  ]);
  delete secret.data;
  delete secret.stringData;
  const summary = secret as SecretSummary;
  summary.dataSizes = dataSizes;
  return summary;
}

/**
 * What every object goes through before the BFF keeps or sends it: managedFields stripped (noise,
 * and large), the last-applied annotation of Secrets dropped (it embeds the values), Secret values
 * replaced by their sizes. Mutates and returns the object it was given (objects come fresh from JSON).
 */
export function sanitize(kind: ResourceKind, obj: KubernetesObject): KubernetesObject {
  if (obj.metadata) {
    delete obj.metadata.managedFields;
  }
  if (kind === 'secrets') {
    const annotations = obj.metadata?.annotations;
    if (annotations) delete annotations['kubectl.kubernetes.io/last-applied-configuration'];
    return summarizeSecret(obj as V1Secret) as KubernetesObject;
  }
  return obj;
}
