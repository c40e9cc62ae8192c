/**
 * The key editors of ConfigMaps and Secrets as one JSON merge patch (RFC 7386) that touches only the
 * keys the user changed: a key the patch does not name keeps its stored bytes, whatever they are,
 * even when the user never saw them (a Secret's unrevealed values, a ConfigMap's binaryData). A
 * rename moves the stored value here, on the server, so it never reaches the browser.
 *
 * Where values go, as the apiserver stores them: a Secret's in `data`, base64; a ConfigMap's in
 * `data` as text when they are valid UTF-8, else in `binaryData`, base64 (a key may be in only one
 * of the two: the apiserver refuses a ConfigMap that has it in both).
 */
import type { V1ConfigMap, V1Secret } from '@kubernetes/client-node';
import type { KeyChange } from '@wheelhouse/shared-types';
import { HttpError } from '../http/errors';

type Section = 'data' | 'binaryData';
interface Stored {
  section: Section;
  /** Text for a ConfigMap's `data`, base64 otherwise. */
  value: string;
}

export interface KeysPlan {
  /** The merge patch: metadata.resourceVersion (the precondition) and the changed keys only. */
  patch: {
    metadata: { resourceVersion: string };
    data?: Record<string, string | null>;
    binaryData?: Record<string, string | null>;
  };
  /** Keys whose stored value the patch changes, adds or removes, sorted. */
  changedKeys: string[];
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function refuse(field: string, message: string): never {
  throw new HttpError(400, 'BadRequest', message, { field });
}

/** The stored keys of a ConfigMap or Secret, by name (own entries only: "__proto__" is a key too). */
function storedKeys(kind: 'configmaps' | 'secrets', live: V1ConfigMap | V1Secret): Map<string, Stored> {
  const keys = new Map<string, Stored>();
  for (const [k, v] of Object.entries(live.data ?? {})) keys.set(k, { section: 'data', value: v });
  if (kind === 'configmaps') {
    for (const [k, v] of Object.entries((live as V1ConfigMap).binaryData ?? {})) {
      keys.set(k, { section: 'binaryData', value: v });
    }
  }
  return keys;
}

/** What a `set` stores: exactly one of text and base64 given; base64 well-formed. */
function storedValue(
  kind: 'configmaps' | 'secrets',
  change: Extract<KeyChange, { op: 'set' }>,
  i: number,
): Stored {
  if ((change.text === undefined) === (change.base64 === undefined)) {
    refuse(`changes.${i}`, `set "${change.key}": give its value as exactly one of text and base64`);
  }
  if (change.text !== undefined) {
    return kind === 'secrets'
      ? { section: 'data', value: Buffer.from(change.text, 'utf8').toString('base64') }
      : { section: 'data', value: change.text };
  }
  const b64 = change.base64 ?? '';
  if (!BASE64.test(b64)) refuse(`changes.${i}.base64`, `set "${change.key}": the value is not base64`);
  const bytes = Buffer.from(b64, 'base64');
  // Canonical base64 (as the apiserver re-encodes it), so an unchanged value compares equal.
  if (kind === 'secrets') return { section: 'data', value: bytes.toString('base64') };
  try {
    return { section: 'data', value: utf8.decode(bytes) };
  } catch {
    return { section: 'binaryData', value: bytes.toString('base64') };
  }
}

/**
 * The merge patch for `changes`, applied in order to the keys of `live` (each refers to the keys as
 * the previous ones left them). 400 naming the change when one cannot apply: removing or renaming a
 * key that is not there, renaming onto a key that is.
 */
export function planKeyChanges(
  kind: 'configmaps' | 'secrets',
  live: V1ConfigMap | V1Secret,
  changes: KeyChange[],
  resourceVersion: string,
): KeysPlan {
  const before = storedKeys(kind, live);
  const after = new Map(before);
  const name = live.metadata?.name ?? '';
  changes.forEach((change, i) => {
    if (change.op === 'set') {
      after.set(change.key, storedValue(kind, change, i));
    } else if (change.op === 'remove') {
      if (!after.delete(change.key))
        refuse(`changes.${i}.key`, `remove "${change.key}": ${name} has no such key`);
    } else {
      const moved = after.get(change.from);
      if (moved === undefined)
        refuse(`changes.${i}.from`, `rename "${change.from}": ${name} has no such key`);
      if (after.has(change.to)) {
        refuse(
          `changes.${i}.to`,
          `rename "${change.from}" to "${change.to}": ${name} already has a key "${change.to}"`,
        );
      }
      after.delete(change.from);
      after.set(change.to, moved);
    }
  });
  const sections: Record<Section, Array<[string, string | null]>> = { data: [], binaryData: [] };
  const changed = new Set<string>();
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key);
    const now = after.get(key);
    if (was && now && was.section === now.section && was.value === now.value) continue;
    changed.add(key);
    if (was && was.section !== now?.section) sections[was.section].push([key, null]);
    if (now) sections[now.section].push([key, now.value]);
  }
  const patch: KeysPlan['patch'] = { metadata: { resourceVersion } };
  // Object.fromEntries makes own properties, so a key named "__proto__" is a key, not a prototype.
  if (sections.data.length) patch.data = Object.fromEntries(sections.data);
  if (sections.binaryData.length) patch.binaryData = Object.fromEntries(sections.binaryData);
  return { patch, changedKeys: [...changed].sort() };
}
