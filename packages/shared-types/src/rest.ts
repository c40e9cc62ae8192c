import { z } from 'zod';

/**
 * REST endpoints of the BFF (all under /api). One-shot reads and allow-listed actions only; there is
 * no endpoint that proxies an arbitrary apiserver path. Every error is an `ErrorResponse`; every
 * mutating request carries the session's CSRF token in the `CSRF_HEADER` header (constants.ts).
 *
 *  GET  /api/session                  → Session (mode, identity, CSRF token for mutations)
 *  GET  /api/contexts                 → ContextsResponse
 *  GET  /api/namespaces               → the namespace list (names only)
 *  GET  /api/:kind/:namespace/:name   → one object (managedFields stripped; secrets summarised)
 *  GET  /api/:kind/_/:name            → one cluster-scoped object
 *  GET  /api/events/:kind/:namespace/:name → Events whose involvedObject is that object
 *  POST /api/secrets/:namespace/:name/reveal {key} → RevealResponse (one key's value; audited)
 *  POST /api/login {token}            → {user}; sets the HttpOnly token cookie (token mode only)
 *  POST /api/logout
 */

export const RevealRequest = z.strictObject({
  key: z
    .string()
    .min(1)
    .max(253)
    .regex(/^[-._a-zA-Z0-9]+$/, 'not a valid Secret key'),
});
export type RevealRequest = z.infer<typeof RevealRequest>;
export interface RevealResponse {
  key: string;
  /** The value as stored: base64 of the bytes. */
  base64: string;
}

export const LoginRequest = z.strictObject({
  // Visible ASCII only: a token becomes an Authorization header (CR/LF there is an injection, not a 503).
  token: z
    .string()
    .min(1)
    .max(16_384)
    .regex(/^[\x21-\x7e]+$/, 'not a bearer token'),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const AccessMode = z.enum(['kubeconfig', 'in-cluster', 'token']);
export type AccessMode = z.infer<typeof AccessMode>;

export interface Session {
  mode: AccessMode;
  /** False in token mode until the user has logged in with a bearer token. */
  authenticated: boolean;
  context: string;
  /** The Kubernetes user the BFF acts as, when known (from a SelfSubjectReview). */
  user?: string;
  csrfToken: string;
  version: string;
}

export interface KubeContextInfo {
  name: string;
  cluster: string;
  namespace?: string;
}
export interface ContextsResponse {
  current: string;
  contexts: KubeContextInfo[];
}

export interface NamespaceList {
  items: string[];
}
