import type { CoreV1EventList, KubernetesObject, V1NamespaceList, V1Secret } from '@kubernetes/client-node';
import {
  type ContextsResponse,
  KINDS,
  LoginRequest,
  NAMESPACED_KINDS,
  type NamespaceList,
  NamespaceName,
  ObjectName,
  ResourceKind,
  RevealRequest,
  type RevealResponse,
  type Session,
} from '@wheelhouse/shared-types';
import { type Request, type Response, Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import { type Caller, type Callers, TOKEN_COOKIE } from '../kube/callers';
import { collectionPath, objectPath } from '../kube/resources';
import { sanitize } from '../kube/sanitize';
import type { Metrics } from '../metrics';
import { callerOf as callerFromRequest, timedRequests } from './caller';
import { HttpError } from './errors';
import { parseInput } from './validate';

export interface RouteDeps {
  callers: Callers;
  metrics: Metrics;
  log: Logger;
  secureCookies: boolean;
  session: () => Pick<Session, 'mode' | 'csrfToken' | 'version'>;
}

export function apiRoutes(deps: RouteDeps): Router {
  const { callers, metrics, log } = deps;
  const contexts = callers.contexts;
  const r = Router();

  const callerOf = (req: Request): Caller => callerFromRequest(callers, req);
  const timed = timedRequests(metrics);

  r.get('/session', (req, res) => {
    let caller: Caller | undefined;
    try {
      caller = callerOf(req);
    } catch {
      caller = undefined; // token mode, not logged in: the session says so, with a CSRF token for the login
    }
    const session: Session = {
      ...deps.session(),
      authenticated: caller !== undefined,
      context: caller?.context ?? contexts.defaultContext,
      ...(caller?.user ? { user: caller.user } : {}),
    };
    res.json(session);
  });

  // Token mode: check a bearer token with the apiserver and keep it in an HttpOnly cookie.
  const authLimiter = rateLimit({
    windowMs: 60_000,
    limit: 10,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(new HttpError(429, 'TooManyRequests', 'too many login attempts: wait a minute')),
  });
  r.post('/login', authLimiter, async (req, res) => {
    if (!callers.tokenMode) {
      throw new HttpError(
        400,
        'BadRequest',
        'this server acts with its own credentials (mode is not "token")',
      );
    }
    const { token } = parseInput(LoginRequest, req.body, 'body');
    const { user } = await callers.login(token);
    res.cookie(TOKEN_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.secureCookies,
      path: '/',
      maxAge: 8 * 3600_000,
    });
    log.info({ audit: 'login', user }, 'user logged in with a bearer token');
    res.json({ user });
  });
  r.post('/logout', authLimiter, (req, res) => {
    callers.logout(req.headers);
    res.clearCookie(TOKEN_COOKIE, { path: '/' });
    res.json({ ok: true });
  });

  // Token mode: the kubeconfig's context names are the server's, not the public's; only a logged-in
  // caller may list them (the login screen needs only the default context, which /session names).
  r.get('/contexts', (req, res) => {
    callerOf(req);
    res.json(contexts.list() satisfies ContextsResponse);
  });

  r.get('/namespaces', async (req, res) => {
    const list = await timed<V1NamespaceList>('list', callerOf(req), collectionPath('namespaces'));
    const items = list.items
      .map((n) => n.metadata?.name ?? '')
      .filter(Boolean)
      .sort();
    res.json({ items } satisfies NamespaceList);
  });

  // Events whose involvedObject is the given object (what `kubectl describe` shows at the bottom).
  r.get('/events/:kind/:namespace/:name', async (req, res) => {
    const kind = parseInput(ResourceKind, req.params.kind, 'kind');
    const namespace = parseInput(NamespaceName, req.params.namespace, 'namespace');
    const name = parseInput(ObjectName, req.params.name, 'name');
    const list = await timed<CoreV1EventList>('list', callerOf(req), collectionPath('events', namespace), {
      query: { fieldSelector: `involvedObject.kind=${KINDS[kind].kind},involvedObject.name=${name}` },
    });
    for (const e of list.items) sanitize('events', e as KubernetesObject);
    res.json({ items: list.items });
  });

  // One Secret key's value, on explicit request, as the caller (their RBAC decides); audited.
  r.post('/secrets/:namespace/:name/reveal', async (req: Request, res: Response) => {
    const namespace = parseInput(NamespaceName, req.params.namespace, 'namespace');
    const name = parseInput(ObjectName, req.params.name, 'name');
    const { key } = parseInput(RevealRequest, req.body, 'body');
    const caller = callerOf(req);
    const secret = await timed<V1Secret>('get', caller, objectPath('secrets', namespace, name));
    // An own key only: "toString" or "__proto__" would otherwise find Object.prototype's, answer 200
    // and write a false audit line (and a Secret may really have a key named "__proto__").
    const data = secret.data ?? {};
    const base64 = Object.hasOwn(data, key) ? data[key] : undefined;
    if (typeof base64 !== 'string') {
      throw new HttpError(404, 'NotFound', `secret "${name}" has no key "${key}"`, { field: 'key' });
    }
    // Who, which secret, which key: never the value.
    log.info(
      { audit: 'secret-reveal', user: caller.user ?? caller.identity, namespace, secret: name, key },
      'secret value revealed',
    );
    res.setHeader('Cache-Control', 'no-store');
    res.json({ key, base64 } satisfies RevealResponse);
  });

  // One object. Cluster-scoped kinds use "_" as the namespace segment.
  r.get('/:kind/:namespace/:name', async (req, res) => {
    const kind = parseInput(ResourceKind, req.params.kind, 'kind');
    const name = parseInput(ObjectName, req.params.name, 'name');
    let namespace: string | undefined;
    if (NAMESPACED_KINDS.has(kind)) namespace = parseInput(NamespaceName, req.params.namespace, 'namespace');
    else if (req.params.namespace !== '_') {
      throw new HttpError(400, 'BadRequest', `${kind} are cluster-scoped: use "_" as the namespace`, {
        field: 'namespace',
      });
    }
    const obj = await timed<KubernetesObject>('get', callerOf(req), objectPath(kind, namespace, name));
    res.json(sanitize(kind, obj));
  });

  r.use((req, _res, next) => {
    next(new HttpError(404, 'NotFound', `no API endpoint ${req.method} ${req.baseUrl}${req.path}`));
  });
  return r;
}
