/**
 * The key editor's model of a ConfigMap's or Secret's keys, and the changes it sends
 * (PATCH …/keys, writes.ts KeyChange): only what the user touched. A key whose value was never
 * revealed or set travels as a name at most (rename, remove): its stored bytes never reach the
 * browser and are never rewritten. Pure: no React, no I/O.
 */
import type { KeyChange } from '@wheelhouse/shared-types';

/** A new value: UTF-8 text typed in, or bytes from an uploaded file (base64). */
export type KeyValue = { text: string } | { base64: string };

export interface KeyRow {
  /** Stable identity for the list (not the key: the key can be renamed). */
  id: string;
  /** The key as stored; undefined for a key the user adds. */
  stored: string | undefined;
  name: string;
  removed: boolean;
  /** Set when the user gave the key a new value. */
  value: KeyValue | undefined;
}

/** Rows for the stored keys, sorted by name. */
export function rowsOf(keys: Iterable<string>): KeyRow[] {
  return [...keys]
    .sort()
    .map((k) => ({ id: `stored:${k}`, stored: k, name: k, removed: false, value: undefined }));
}

/** What the apiserver accepts as a key (IsConfigMapKey; the same rule as writes.ts DataKey). */
export function keyNameProblem(name: string): string | undefined {
  if (name === '') return 'A key needs a name.';
  if (name.length > 253) return 'A key may be at most 253 characters.';
  if (!/^[-._a-zA-Z0-9]+$/.test(name)) return 'A key may contain only letters, digits, "-", "_" and ".".';
  if (name === '.' || name === '..' || name.startsWith('..'))
    return 'A key may not be "." or ".." or start with "..".';
  return undefined;
}

export interface KeyPlan {
  changes: KeyChange[];
  /** Problems by row id; nothing is sent while there is one. */
  problems: Map<string, string>;
}

/**
 * The changes, in the order the BFF applies them: removals, then renames, then new values (so a
 * key can take the name of one removed in the same save).
 */
export function planKeyChanges(
  rows: readonly KeyRow[],
  storedValues?: ReadonlyMap<string, KeyValue>,
): KeyPlan {
  const problems = new Map<string, string>();
  const removals: KeyChange[] = [];
  const renames: KeyChange[] = [];
  const sets: KeyChange[] = [];
  const finalNames = new Map<string, string>();
  for (const row of rows) {
    if (row.removed) {
      if (row.stored !== undefined) removals.push({ op: 'remove', key: row.stored });
      continue;
    }
    const problem = keyNameProblem(row.name);
    if (problem) problems.set(row.id, problem);
    else if (finalNames.has(row.name)) problems.set(row.id, `Another key is named "${row.name}".`);
    finalNames.set(row.name, row.id);
    if (row.stored === undefined && row.value === undefined) problems.set(row.id, 'A new key needs a value.');
    if (row.stored !== undefined && row.stored !== row.name)
      renames.push({ op: 'rename', from: row.stored, to: row.name });
    if (
      row.value !== undefined &&
      !sameValue(row.value, row.stored === undefined ? undefined : storedValues?.get(row.stored))
    ) {
      sets.push({ op: 'set', key: row.name, ...row.value });
    }
  }
  return { changes: [...removals, ...renames, ...sets], problems };
}

function sameValue(a: KeyValue, b: KeyValue | undefined): boolean {
  if (b === undefined) return false;
  if ('text' in a && 'text' in b) return a.text === b.text;
  if ('base64' in a && 'base64' in b) return a.base64 === b.base64;
  return false;
}

/** "set api-url, rename a → b, remove old" */
export function describeChanges(changes: readonly KeyChange[]): string {
  return changes
    .map((c) => (c.op === 'rename' ? `rename ${c.from} → ${c.to}` : `${c.op} ${c.key}`))
    .join(', ');
}

/** The bytes of a file as base64 (binary values are uploaded as files). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** UTF-8 text when the bytes are valid UTF-8, else undefined (a ConfigMap then stores them in binaryData). */
export function utf8OrUndefined(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The keys a set of changes touches (both names of a rename). */
export function touchedKeys(changes: readonly KeyChange[]): string[] {
  return [...new Set(changes.flatMap((c) => (c.op === 'rename' ? [c.from, c.to] : [c.key])))];
}

/**
 * What the browser can compare of a key between two versions: a ConfigMap's value (text or
 * base64), a Secret's size (its value never reaches the browser).
 */
export type KeyFingerprints = ReadonlyMap<string, string>;

/** The touched keys whose stored value changed between the version the editor opened and now. */
export function keysChangedUnderneath(
  changes: readonly KeyChange[],
  before: KeyFingerprints,
  now: KeyFingerprints,
): string[] {
  return touchedKeys(changes).filter((k) => before.get(k) !== now.get(k));
}
