/**
 * The plain values of the write contract (writes.ts), zod-free so the web can import them from
 * `@wheelhouse/shared-types/constants` without bundling the schemas: which kinds may be written,
 * how large a YAML may be, and what a Secret's YAML shows in place of a value that was not revealed.
 */

/** The kinds the write routes accept, as their plural resource name (`:kind` in /api/objects/…). */
export const WRITABLE_KINDS = [
  'pods',
  'replicasets',
  'deployments',
  'services',
  'configmaps',
  'secrets',
] as const;

/** Largest YAML the editor or the create dialog may send (the apiserver's own limit is ~3 MiB per object). */
export const MAX_YAML_BYTES = 1_048_576;

/** What a Secret's YAML shows in place of a value that was not revealed. */
export const SECRET_VALUE_PLACEHOLDER = '<hidden: reveal the key to see it>';
