import type { V1Deployment } from '@kubernetes/client-node';
import { NAMESPACE_NAME, type Revision } from '@wheelhouse/core';
import { z } from 'zod';
import { ContainerName, nameSchema } from './names';
import { PERMISSION_RESOURCES, type PermissionResource } from './permissions';

/**
 * Deployment actions and the reads that go with them (all under /api, every write made as the caller,
 * every write carrying the resourceVersion the user saw, so a change in between gives the apiserver's
 * 409 instead of overwriting it):
 *
 *  POST /api/deployments/:ns/:name/scale   ScaleRequest     → ActionResponse   (the scale subresource)
 *  POST /api/deployments/:ns/:name/restart ResourceVersionRequest → ActionResponse
 *       (template annotation kubectl.kubernetes.io/restartedAt, as `kubectl rollout restart`)
 *  POST /api/deployments/:ns/:name/pause   ResourceVersionRequest → ActionResponse (spec.paused = true)
 *  POST /api/deployments/:ns/:name/resume  ResourceVersionRequest → ActionResponse (spec.paused = false)
 *  POST /api/deployments/:ns/:name/undo    UndoRequest      → ActionResponse   (as `kubectl rollout undo`)
 *  POST /api/deployments/:ns/:name/image   SetImageRequest  → ActionResponse   (dryRun: the would-be object)
 *  GET  /api/deployments/:ns/:name/history                  → HistoryResponse
 *  GET  /api/permissions?namespace=NS&checks=verb:resource[/subresource],…  → PermissionsResponse
 */

/** 2^64 − 1: the largest resourceVersion the apiserver's storage can hold. */
const MAX_RESOURCE_VERSION = 18_446_744_073_709_551_615n;

/**
 * The resourceVersion the user saw, sent back as the write's precondition. Compared for equality only,
 * never as a number — but it must be one the apiserver could have handed out, because the apiserver
 * parses it: its etcd3 storage (k8s.io/apiserver/pkg/storage/etcd3 APIObjectVersioner
 * .ParseResourceVersion) reads it as a decimal uint64, takes 0 ("0", "00") as "no precondition" (the
 * write would then overwrite whatever is there), and answers 500 to anything it cannot parse ("831x").
 * So: decimal digits, no leading zero, within uint64.
 */
export const ResourceVersion = z
  .string()
  .min(1, 'resourceVersion is required: send the one of the object you looked at')
  .max(64)
  .refine((rv) => !/^0+$/.test(rv), {
    message:
      'resourceVersion "0" would write without a precondition: send the one of the object you looked at',
  })
  .refine((rv) => /^[1-9][0-9]{0,19}$/.test(rv) && BigInt(rv) <= MAX_RESOURCE_VERSION, {
    message: 'not a resourceVersion the apiserver handed out',
  });

/**
 * A container image reference as the distribution reference grammar allows it:
 * `[host[:port]/]path[:tag][@algorithm:hex]`, path components lowercase.
 */
export const IMAGE_PATTERN =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$/;
export const ImageReference = z
  .string()
  .min(1, 'an image is required')
  .max(512)
  .regex(IMAGE_PATTERN, 'not a valid image reference (expected [registry/]name[:tag][@digest])');

export const ResourceVersionRequest = z.strictObject({ resourceVersion: ResourceVersion });
export type ResourceVersionRequest = z.infer<typeof ResourceVersionRequest>;

/** spec.replicas is an int32. */
export const ScaleRequest = z.strictObject({
  replicas: z
    .number()
    .int('replicas must be a whole number')
    .min(0, 'replicas cannot be negative')
    .max(2_147_483_647),
  resourceVersion: ResourceVersion,
});
export type ScaleRequest = z.infer<typeof ScaleRequest>;

export const UndoRequest = z.strictObject({
  /** The revision to go back to; omitted (or 0) means the previous one, as `kubectl rollout undo`. */
  toRevision: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  resourceVersion: ResourceVersion,
});
export type UndoRequest = z.infer<typeof UndoRequest>;

export const SetImageRequest = z.strictObject({
  container: ContainerName,
  image: ImageReference,
  resourceVersion: ResourceVersion,
  /** Server-side dry run: nothing is written; the response is the object as it would be. */
  dryRun: z.boolean().optional(),
});
export type SetImageRequest = z.infer<typeof SetImageRequest>;

export interface ActionResponse {
  /** The Deployment after the write (or as it would be, for a dry run). */
  deployment: V1Deployment;
  dryRun?: boolean;
  /** Set when nothing had to be written, e.g. an undo to the template already running. */
  skipped?: string;
}

/** One revision of a Deployment, from one of its ReplicaSets (computed by core's revision rules). */
export type DeploymentRevision = Revision;

export interface HistoryResponse {
  /** The Deployment's resourceVersion when the history was read. */
  resourceVersion: string;
  currentRevision?: number;
  /** Oldest first, like `kubectl rollout history`. */
  revisions: DeploymentRevision[];
}

export const PermissionVerb = z.enum(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete']);
export type PermissionVerb = z.infer<typeof PermissionVerb>;

/** `verb:resource[/subresource]`, e.g. `patch:deployments` or `update:deployments/scale`. */
export const PermissionCheck = z
  .string()
  .max(64)
  .transform((text, ctx) => {
    const [verb, resource, ...rest] = text.split(':');
    const v = PermissionVerb.safeParse(verb);
    // Own keys only: `in` would take "constructor" or "__proto__" (every object has them) for a resource.
    if (
      !v.success ||
      resource === undefined ||
      rest.length > 0 ||
      !Object.hasOwn(PERMISSION_RESOURCES, resource)
    ) {
      ctx.addIssue({
        code: 'custom',
        message: `"${text}" is not verb:resource with a verb of ${PermissionVerb.options.join('|')} and a resource of ${Object.keys(PERMISSION_RESOURCES).join('|')}`,
      });
      return z.NEVER;
    }
    return { verb: v.data, resource: resource as PermissionResource };
  });
export type PermissionCheck = z.output<typeof PermissionCheck>;

export const PermissionsQuery = z.strictObject({
  namespace: nameSchema(NAMESPACE_NAME, 'not a valid namespace'),
  checks: z
    .string()
    .min(1, 'name at least one check')
    .max(1024)
    .transform((s) => s.split(','))
    .pipe(z.array(PermissionCheck).max(20, 'at most 20 checks at once')),
  context: z.string().min(1).max(253).optional(),
});

export interface PermissionResult {
  /** The check as asked, `verb:resource`. */
  check: string;
  allowed: boolean;
  /** The authorizer's reason, when it gave one (often empty for a plain "no"). */
  reason?: string;
}
export interface PermissionsResponse {
  namespace: string;
  results: PermissionResult[];
}
