import type { KubernetesObject } from '@kubernetes/client-node';
import { z } from 'zod';
import { ResourceVersion } from './actions';
import type { ApiErrorBody } from './errors';
import { NamespaceName, ObjectName } from './names';
// The plain values (WRITABLE_KINDS, MAX_YAML_BYTES, SECRET_VALUE_PLACEHOLDER) live in the zod-free
// constants entry, so the web can use them without bundling zod.
import { MAX_YAML_BYTES, WRITABLE_KINDS } from './write-values';

/**
 * Writes to any object of the six kinds: edit (replace from YAML), create/apply from YAML, delete, and
 * the key editors of ConfigMaps and Secrets. One path for every write (shared/DESIGN.md "Writes"): the
 * BFF checks the request's shape, sends it to the apiserver as the caller with the resourceVersion the
 * user saw, and returns the apiserver's answer unchanged in meaning (409 stays 409, 422 keeps its
 * causes). A review step is a server-side dry run (`dryRun=All`), so the diff the user approves shows
 * defaulting and admission. Every write is audited (who, verb, object, dry run, result), never values.
 *
 *  PUT    /api/objects/:kind/:ns/:name        EditRequest     → WriteResult   (replace; strict field validation)
 *  POST   /api/objects/apply                  ApplyRequest    → ApplyResponse (one or many YAML documents)
 *  DELETE /api/objects/:kind/:ns/:name        DeleteRequest   → WriteResult   (preconditions.resourceVersion)
 *  PATCH  /api/objects/:kind/:ns/:name/keys   KeysRequest     → WriteResult   (configmaps, secrets only)
 *
 * `:kind` is one of WRITABLE_KINDS (the plural, as in every other route).
 */

export const WritableKind = z.enum(WRITABLE_KINDS);
export type WritableKind = z.infer<typeof WritableKind>;

export const YamlText = z
  .string()
  .min(1, 'the YAML is empty')
  .max(MAX_YAML_BYTES, `the YAML is larger than ${MAX_YAML_BYTES / 1_048_576} MiB`);

/**
 * Replace one object with the user's edited YAML (exactly one document, of the route's kind, name and
 * namespace: renaming is not editing). `resourceVersion` is the one the user started editing from; it is
 * the write's precondition whatever the YAML says.
 * For a Secret, a `data` value equal to SECRET_VALUE_PLACEHOLDER means "keep the stored value": values
 * never make a round trip through the browser, and keys never revealed are never rewritten.
 */
export const EditRequest = z.strictObject({
  yaml: YamlText,
  resourceVersion: ResourceVersion,
  dryRun: z.boolean(),
  context: z.string().min(1).max(253).optional(),
});
export type EditRequest = z.infer<typeof EditRequest>;

export interface WriteResult {
  /** The object as the apiserver stored it (or would store it, for a dry run); Secret values replaced by the placeholder. */
  object: KubernetesObject;
  /** The live object the write started from (for the review diff); Secret values replaced by the placeholder. */
  live?: KubernetesObject;
  dryRun: boolean;
  /** Secret keys whose value the write changes (values themselves never travel back). */
  changedSecretKeys?: string[];
}

/** Create or update from pasted/uploaded YAML: one or many documents ("---" separated). */
export const ApplyRequest = z.strictObject({
  yaml: YamlText,
  /** Where documents without metadata.namespace go (the namespace the user is looking at). */
  namespace: NamespaceName,
  dryRun: z.boolean(),
  context: z.string().min(1).max(253).optional(),
});
export type ApplyRequest = z.infer<typeof ApplyRequest>;

export interface ApplyDocumentResult {
  /** 0-based index of the document in the YAML. */
  index: number;
  kind?: string;
  name?: string;
  namespace?: string;
  /** What happened (or would happen, for a dry run). */
  outcome: 'created' | 'configured' | 'unchanged' | 'error';
  object?: KubernetesObject;
  /** The live object before, when it existed (for the per-document diff). */
  live?: KubernetesObject;
  /**
   * Error bodies use the one error shape (the fields of ApiErrorBody): a YAML error carries its
   * line/column in the message and its character offset in the document's text in `position`; an
   * apiserver refusal its `causes` (a 422's fields, a server-side apply's conflicting fields).
   */
  error?: {
    code: number;
    reason: string;
    message: string;
    source?: ApiErrorBody['source'];
    field?: string;
    position?: number;
    causes?: ApiErrorBody['causes'];
  };
}
export interface ApplyResponse {
  dryRun: boolean;
  results: ApplyDocumentResult[];
}

/**
 * Delete one object. Foreground/Background/Orphan as `kubectl delete --cascade=foreground|background|orphan`
 * (the apiserver's default for these kinds is Background).
 */
export const DeleteRequest = z.strictObject({
  resourceVersion: ResourceVersion,
  propagationPolicy: z.enum(['Foreground', 'Background', 'Orphan']).optional(),
  context: z.string().min(1).max(253).optional(),
});
export type DeleteRequest = z.infer<typeof DeleteRequest>;

/** A ConfigMap or Secret key: what the apiserver accepts (IsConfigMapKey). */
export const DataKey = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[-._a-zA-Z0-9]+$/, 'a key may contain only letters, digits, "-", "_" and "."')
  .refine(
    (k) => k !== '.' && k !== '..' && !k.startsWith('..'),
    'a key may not be "." or ".." or start with ".."',
  );

/**
 * Key edits: only the keys named here are touched. `set` with `text` (UTF-8) or `base64` (binary, from an
 * uploaded file); a ConfigMap value that is not valid UTF-8 goes to binaryData. `rename` keeps the stored
 * value without it ever reaching the browser.
 */
export const KeyChange = z.discriminatedUnion('op', [
  z.strictObject({
    // exactly one of text/base64 (checked by the BFF; a missing value is a 400)
    op: z.literal('set'),
    key: DataKey,
    text: z.string().max(MAX_YAML_BYTES).optional(),
    base64: z.string().max(MAX_YAML_BYTES).optional(),
  }),
  z.strictObject({ op: z.literal('remove'), key: DataKey }),
  z.strictObject({ op: z.literal('rename'), from: DataKey, to: DataKey }),
]);
export type KeyChange = z.infer<typeof KeyChange>;

export const KeysRequest = z.strictObject({
  resourceVersion: ResourceVersion,
  changes: z.array(KeyChange).min(1, 'no change to save').max(200),
  dryRun: z.boolean(),
  context: z.string().min(1).max(253).optional(),
});
export type KeysRequest = z.infer<typeof KeysRequest>;

export const ObjectRouteParams = z.strictObject({ kind: WritableKind, ns: NamespaceName, name: ObjectName });
