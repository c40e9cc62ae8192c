/**
 * What the YAML editor edits: the object as the apiserver would take it back on a replace. Its
 * apiVersion and kind first (list and watch payloads leave them out); no `status` (an update of the
 * main resource keeps the stored status whatever the request says, so editing it would change
 * nothing); no managedFields. A Secret's values never reach the browser: each key shows
 * SECRET_VALUE_PLACEHOLDER, which the BFF replaces with the stored value, so keys the user does not
 * touch are never rewritten.
 */
import type { KindObject, SecretSummary, WritableKind } from '@wheelhouse/shared-types';
import { typeMeta } from '@wheelhouse/shared-types/constants';
import { stringify } from 'yaml';
import { withHiddenSecretValues } from '../../../lib/kubectl/secret-yaml';
import type { JsonPath } from './three-way';

export type EditDoc = Record<string, unknown>;

/** The editable document of a live object (a fresh copy: the live cache's objects are immutable). */
export function editDoc(kind: WritableKind, object: KindObject<WritableKind> | object): EditDoc {
  const { status: _status, ...rest } = structuredClone(object) as Record<string, unknown>;
  const metadata = { ...(rest.metadata as Record<string, unknown> | undefined) };
  delete metadata.managedFields;
  const doc: EditDoc = { ...typeMeta(kind), ...rest, metadata };
  // A Secret from a list, a watch or a GET carries its keys' sizes; one from a write's answer
  // already carries the placeholders.
  return kind === 'secrets' ? withHiddenSecretValues(doc) : doc;
}

/** YAML as kubectl prints it: no line folding (long values stay on one line, as the apiserver stored them). */
export function toYaml(doc: unknown): string {
  return stringify(doc, { lineWidth: 0 });
}

/**
 * The Secret keys whose value changed between two versions, as far as the browser can tell: their
 * sizes differ, or a key came or went (a same-size rewrite is invisible without the values).
 */
export function secretValueChanges(kind: WritableKind, before: unknown, after: unknown): JsonPath[] {
  if (kind !== 'secrets') return [];
  const a = (before as SecretSummary | undefined)?.dataSizes ?? {};
  const b = (after as SecretSummary | undefined)?.dataSizes ?? {};
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => a[k] !== b[k]).map((k) => ['data', k]);
}
