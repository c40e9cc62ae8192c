import { z } from 'zod';

/**
 * The one error body every REST endpoint and every socket ack uses. When the apiserver refused
 * something, `code`, `reason` and `message` are the apiserver's own (403 stays 403, 409 stays 409);
 * errors of the BFF itself use the same `reason` vocabulary (BadRequest, Forbidden, NotFound, …).
 */
export const ApiErrorBody = z.object({
  code: z.number().int(),
  reason: z.string(),
  message: z.string(),
  /** Where the error came from: the Kubernetes apiserver, or the BFF's own validation/security. */
  source: z.enum(['apiserver', 'bff']),
  /** For validation errors: the offending field path and, for selectors, the character position. */
  field: z.string().optional(),
  position: z.number().int().optional(),
  /** The apiserver's `details.causes` (422: which field, and why), passed through unchanged in meaning. */
  causes: z
    .array(z.object({ field: z.string().optional(), message: z.string(), reason: z.string().optional() }))
    .optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

export const ErrorResponse = z.object({ error: ApiErrorBody });
export type ErrorResponse = z.infer<typeof ErrorResponse>;
