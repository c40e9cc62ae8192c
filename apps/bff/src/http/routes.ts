import type { CoreV1EventList, KubernetesObject, V1NamespaceList } from '@kubernetes/client-node';
import {
  type ContextsResponse,
  NAMESPACED_KINDS,
  type NamespaceList,
  NamespaceName,
  ResourceKind,
  type Session,
} from '@wheelhouse/shared-types';
import { Router } from 'express';
import { z } from 'zod';
import { kubeRequest, type RequestOptions } from '../kube/client';
import type { KubeContexts } from '../kube/contexts';
import { collectionPath, KIND_NAMES, objectPath } from '../kube/resources';
import { sanitize } from '../kube/sanitize';
import type { Metrics } from '../metrics';
import { HttpError } from './errors';

/** DNS-1123 subdomain: what object names of these kinds must be (≤ 253). */
const ObjectName = z
  .string()
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, 'not a valid object name');

function parseParam<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    throw new HttpError(
      400,
      'BadRequest',
      `invalid ${what} "${String(value).slice(0, 100)}": ${r.error.issues[0]?.message}`,
      {
        field: what,
      },
    );
  }
  return r.data;
}

export interface RouteDeps {
  contexts: KubeContexts;
  metrics: Metrics;
  session: () => Omit<Session, 'context'>;
}

export function apiRoutes(deps: RouteDeps): Router {
  const { contexts, metrics } = deps;
  const r = Router();

  /** A timed apiserver request (for the latency histogram). */
  async function timed<T>(
    verb: string,
    ctx: string | undefined,
    path: string,
    opts?: RequestOptions,
  ): Promise<T> {
    const end = metrics.apiLatency.startTimer({ verb });
    try {
      const res = await kubeRequest<T>(contexts.get(ctx), path, opts);
      end({ code: '200' });
      return res;
    } catch (err) {
      end({ code: String((err as { code?: number }).code ?? 'error') });
      throw err;
    }
  }

  const contextOf = (q: unknown): string | undefined =>
    typeof q === 'string' && q.length > 0 ? parseParam(z.string().max(253), q, 'context') : undefined;

  r.get('/session', (req, res) => {
    res.json({
      ...deps.session(),
      context: contextOf(req.query.context) ?? contexts.defaultContext,
    } satisfies Session);
  });

  r.get('/contexts', (_req, res) => {
    res.json(contexts.list() satisfies ContextsResponse);
  });

  r.get('/namespaces', async (req, res) => {
    const list = await timed<V1NamespaceList>(
      'list',
      contextOf(req.query.context),
      collectionPath('namespaces'),
    );
    const items = list.items
      .map((n) => n.metadata?.name ?? '')
      .filter(Boolean)
      .sort();
    res.json({ items } satisfies NamespaceList);
  });

  // Events whose involvedObject is the given object (what `kubectl describe` shows at the bottom).
  r.get('/events/:kind/:namespace/:name', async (req, res) => {
    const kind = parseParam(ResourceKind, req.params.kind, 'kind');
    const namespace = parseParam(NamespaceName, req.params.namespace, 'namespace');
    const name = parseParam(ObjectName, req.params.name, 'name');
    const list = await timed<CoreV1EventList>(
      'list',
      contextOf(req.query.context),
      collectionPath('events', namespace),
      {
        query: {
          fieldSelector: `involvedObject.kind=${KIND_NAMES[kind].kind},involvedObject.name=${name}`,
        },
      },
    );
    for (const e of list.items) sanitize('events', e as KubernetesObject);
    res.json({ items: list.items });
  });

  // One object. Cluster-scoped kinds use "_" as the namespace segment.
  r.get('/:kind/:namespace/:name', async (req, res) => {
    const kind = parseParam(ResourceKind, req.params.kind, 'kind');
    const name = parseParam(ObjectName, req.params.name, 'name');
    const namespaced = NAMESPACED_KINDS.has(kind);
    let namespace: string | undefined;
    if (namespaced) namespace = parseParam(NamespaceName, req.params.namespace, 'namespace');
    else if (req.params.namespace !== '_') {
      throw new HttpError(400, 'BadRequest', `${kind} are cluster-scoped: use "_" as the namespace`, {
        field: 'namespace',
      });
    }
    const obj = await timed<KubernetesObject>(
      'get',
      contextOf(req.query.context),
      objectPath(kind, namespace, name),
    );
    res.json(sanitize(kind, obj));
  });

  r.use((req, _res, next) => {
    next(new HttpError(404, 'NotFound', `no API endpoint ${req.method} ${req.baseUrl}${req.path}`));
  });
  return r;
}
