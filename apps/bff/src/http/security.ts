import { randomBytes, timingSafeEqual } from 'node:crypto';
import { CSRF_HEADER } from '@wheelhouse/shared-types';
import type { NextFunction, Request, Response } from 'express';
import { HttpError } from './errors';

/**
 * Host allow-list (DNS rebinding defence) and Origin checks. A page on evil.example that resolves
 * its own name to 127.0.0.1 still sends `Host: evil.example`, so it is refused; a foreign page
 * calling us directly sends its own Origin, so it is refused too.
 */
export interface OriginPolicy {
  /** Host names (no port) requests may be addressed to. */
  allowedHostnames: Set<string>;
  /** Full `host:port` values allowed besides those names. */
  allowedHosts: Set<string>;
  /** Extra browser origins (e.g. a dev server on another port). Same-origin is always allowed. */
  allowedOrigins: Set<string>;
}

export function buildOriginPolicy(opts: {
  host: string;
  extraHosts: string[];
  extraOrigins: string[];
}): OriginPolicy {
  const allowedHostnames = new Set(['127.0.0.1', 'localhost', '[::1]']);
  if (opts.host !== '0.0.0.0' && opts.host !== '::') allowedHostnames.add(opts.host.toLowerCase());
  const allowedHosts = new Set<string>();
  for (const h of opts.extraHosts) {
    const v = h.toLowerCase();
    if (/:\d+$/.test(v)) allowedHosts.add(v);
    else allowedHostnames.add(v);
  }
  const allowedOrigins = new Set(opts.extraOrigins.map((o) => o.toLowerCase().replace(/\/$/, '')));
  return { allowedHostnames, allowedHosts, allowedOrigins };
}

export function hostAllowed(policy: OriginPolicy, host: string | undefined): boolean {
  if (!host) return false;
  const h = host.toLowerCase();
  if (policy.allowedHosts.has(h)) return true;
  const name = h.startsWith('[') ? h.slice(0, h.indexOf(']') + 1) : h.replace(/:\d+$/, '');
  return policy.allowedHostnames.has(name);
}

/**
 * An Origin is accepted when it is the origin of the very Host the request was sent to (and that
 * Host is allowed), or when it is on the explicit list. Another local web app on another port is a
 * different origin and is refused.
 */
export function originAllowed(
  policy: OriginPolicy,
  origin: string | undefined,
  host: string | undefined,
): boolean {
  if (!origin) return false;
  const o = origin.toLowerCase();
  if (policy.allowedOrigins.has(o)) return true;
  if (host && hostAllowed(policy, host)) {
    const h = host.toLowerCase();
    return o === `http://${h}` || o === `https://${h}`;
  }
  return false;
}

export function hostCheck(policy: OriginPolicy) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!hostAllowed(policy, req.headers.host)) {
      next(
        new HttpError(
          421,
          'MisdirectedRequest',
          `host "${req.headers.host ?? ''}" is not served here; add it to WHEELHOUSE_ALLOWED_HOSTS if it should be`,
        ),
      );
      return;
    }
    next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Origin check and CSRF token on every request that is not a plain read. */
export function mutationGuard(policy: OriginPolicy, csrfToken: string) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) {
      next();
      return;
    }
    const origin = req.headers.origin;
    if (!originAllowed(policy, origin, req.headers.host)) {
      next(new HttpError(403, 'Forbidden', `origin "${origin ?? '(none)'}" may not change anything here`));
      return;
    }
    if (!csrfMatches(csrfToken, req.headers[CSRF_HEADER])) {
      next(new HttpError(403, 'Forbidden', `missing or wrong CSRF token (send the ${CSRF_HEADER} header)`));
      return;
    }
    next();
  };
}

/**
 * Whether `sent` is the session's CSRF token, compared in constant time. Shared by the REST guard
 * (the header) and the socket requests that change something (a shell's execStart carries it).
 */
export function csrfMatches(csrfToken: string, sent: unknown): boolean {
  const expected = Buffer.from(csrfToken);
  const got = Buffer.from(typeof sent === 'string' ? sent : '');
  return got.length === expected.length && timingSafeEqual(got, expected);
}

export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}
