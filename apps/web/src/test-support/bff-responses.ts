import type { Session } from '@wheelhouse/shared-types';

/** A JSON response as the BFF sends one, for a `fetch` stubbed at the lib/api boundary. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** What GET /api/session answers a signed-in kubeconfig user; writes carry its CSRF token, tok-1. */
export const session: Session = {
  mode: 'kubeconfig',
  authenticated: true,
  context: 'c',
  csrfToken: 'tok-1',
  version: '0',
};
