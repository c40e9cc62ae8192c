/**
 * Secret values and the write path: they never travel to the browser in an answer, and an edit
 * never rewrites a value the user did not see. The YAML the web edits shows SECRET_VALUE_PLACEHOLDER
 * for every key that was not revealed; here each placeholder becomes the stored value again, read as
 * the caller in the same request (the write's resourceVersion precondition covers the race: if the
 * Secret changed in between, the apiserver answers 409 and nothing is written).
 */
import type { KubernetesObject, V1Secret } from '@kubernetes/client-node';
import { SECRET_VALUE_PLACEHOLDER } from '@wheelhouse/shared-types';
import { HttpError } from '../http/errors';

/** kubectl's client-side apply annotation: on a Secret it embeds every value, so it is never shown. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const own = (o: Record<string, string> | undefined, key: string): string | undefined =>
  o && Object.hasOwn(o, key) ? o[key] : undefined;

/**
 * A Secret as an answer carries it, in place: each `data` value replaced by the placeholder (the keys
 * stay, so the web can show and diff them), `stringData` and the last-applied annotation dropped.
 */
export function hideSecretValues(secret: V1Secret): V1Secret {
  if (secret.data) {
    secret.data = Object.fromEntries(Object.keys(secret.data).map((k) => [k, SECRET_VALUE_PLACEHOLDER]));
  }
  delete secret.stringData;
  if (secret.metadata?.annotations) delete secret.metadata.annotations[LAST_APPLIED];
  return secret;
}

/**
 * Prepares an edited Secret for its PUT, in place: every placeholder in `data` becomes the live
 * value, the hidden last-applied annotation is carried over when the edit does not mention it (the
 * user never saw it, so its absence is not a removal), and the web's own `dataSizes` field (the
 * summary lists carry) is dropped. Returns the keys whose value the write changes (added, changed,
 * removed, or set through `stringData`), sorted. A placeholder for a key the Secret does not have,
 * or in `stringData`, is a 400: it would store the placeholder text itself.
 */
export function keepHiddenSecretValues(edited: KubernetesObject, live: V1Secret): string[] {
  const secret = edited as V1Secret & { dataSizes?: unknown };
  delete secret.dataSizes;
  const liveData = live.data ?? {};
  const data = secret.data && typeof secret.data === 'object' ? secret.data : undefined;
  if (data) {
    for (const [key, value] of Object.entries(data)) {
      if (value !== SECRET_VALUE_PLACEHOLDER) continue;
      const stored = own(liveData, key);
      if (stored === undefined) {
        throw new HttpError(
          400,
          'BadRequest',
          `data.${key} holds the placeholder of a hidden value, but secret "${live.metadata?.name ?? ''}" has no key "${key}" to keep: type its value`,
          { field: `data.${key}` },
        );
      }
      data[key] = stored;
    }
  }
  const stringData = secret.stringData && typeof secret.stringData === 'object' ? secret.stringData : {};
  for (const [key, value] of Object.entries(stringData)) {
    if (value === SECRET_VALUE_PLACEHOLDER) {
      throw new HttpError(
        400,
        'BadRequest',
        `stringData.${key} holds the placeholder of a hidden value: type the value, or keep the key under data`,
        { field: `stringData.${key}` },
      );
    }
  }
  const hidden = live.metadata?.annotations?.[LAST_APPLIED];
  if (hidden !== undefined) {
    const annotations = secret.metadata?.annotations ?? {};
    if (!Object.hasOwn(annotations, LAST_APPLIED)) {
      secret.metadata = { ...secret.metadata, annotations: { ...annotations, [LAST_APPLIED]: hidden } };
    }
  }
  const changed = new Set<string>(Object.keys(stringData));
  for (const [key, value] of Object.entries(data ?? {})) if (own(liveData, key) !== value) changed.add(key);
  for (const key of Object.keys(liveData)) if (own(data, key) === undefined) changed.add(key);
  return [...changed].sort();
}
