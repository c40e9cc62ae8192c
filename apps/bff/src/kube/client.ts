import { Readable } from 'node:stream';
import {
  HttpMethod,
  IsomorphicFetchHttpLibrary,
  type KubeConfig,
  RequestContext,
} from '@kubernetes/client-node';
import type { ApiErrorBody } from '@wheelhouse/shared-types';
import { type Dispatcher, fetch as undiciFetch } from 'undici';

/**
 * An error from the apiserver, carrying its Status: code, reason and message are passed to the
 * browser unchanged (403 stays 403), never swallowed.
 */
export class ApiServerError extends Error {
  readonly body: ApiErrorBody;
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiServerError';
    this.body = body;
  }
  get code(): number {
    return this.body.code;
  }
}

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  410: 'Expired',
  413: 'RequestEntityTooLarge',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

export function reasonFor(code: number): string {
  return REASONS[code] ?? (code >= 500 ? 'InternalError' : 'BadRequest');
}

interface Status {
  code?: number;
  reason?: string;
  message?: string;
  details?: { causes?: Array<{ field?: string; message?: string; reason?: string }> };
}

/**
 * Turns an apiserver response body (normally a metav1.Status) into our error body: code, reason and
 * message as the apiserver wrote them, and `details.causes` (a 422's field errors, a server-side
 * apply's conflicting fields) passed on. A strict field validation refusal (`fieldValidation=Strict`)
 * is a 400 without causes whose message names the field ("strict decoding error: unknown field
 * \"spec.replicaz\""): that field becomes the body's `field`.
 */
export function statusToError(httpCode: number, text: string): ApiServerError {
  let status: Status | undefined;
  try {
    status = JSON.parse(text) as Status;
  } catch {
    status = undefined;
  }
  const code = status?.code ?? httpCode;
  const message = status?.message || text.slice(0, 500) || `the apiserver answered HTTP ${httpCode}`;
  const causes = Array.isArray(status?.details?.causes)
    ? status.details.causes.map((c) => ({
        message: typeof c.message === 'string' ? c.message : '',
        ...(typeof c.field === 'string' && c.field ? { field: c.field } : {}),
        ...(typeof c.reason === 'string' && c.reason ? { reason: c.reason } : {}),
      }))
    : undefined;
  const unknownField = /strict decoding error: (?:unknown|duplicate) field "([^"]+)"/.exec(message)?.[1];
  return new ApiServerError({
    code,
    reason: status?.reason || reasonFor(code),
    message,
    source: 'apiserver',
    ...(causes?.length ? { causes } : {}),
    ...(unknownField ? { field: unknownField } : {}),
  });
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, string | undefined>;
  body?: unknown;
  contentType?: string;
}

/**
 * One request to the apiserver through client-node's own HTTP stack and authentication (client
 * certs, tokens, exec plugins, TLS settings from the kubeconfig). Returns the parsed JSON exactly
 * as the apiserver sent it, so list results and watch events have one shape.
 */
export async function kubeRequest<T>(kc: KubeConfig, path: string, opts: RequestOptions = {}): Promise<T> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('the kubeconfig has no current cluster');
  const url = new URL(cluster.server.replace(/\/$/, '') + path);
  for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
  const ctx = new RequestContext(url.toString(), (opts.method ?? 'GET') as HttpMethod);
  ctx.setHeaderParam('Accept', 'application/json');
  if (opts.body !== undefined) {
    ctx.setHeaderParam('Content-Type', opts.contentType ?? 'application/json');
    ctx.setBody(JSON.stringify(opts.body));
  }
  await kc.applySecurityAuthentication(ctx);
  let res: Awaited<ReturnType<ReturnType<IsomorphicFetchHttpLibrary['send']>['toPromise']>>;
  try {
    res = await new IsomorphicFetchHttpLibrary().send(ctx).toPromise();
  } catch (err) {
    throw new ApiServerError({
      code: 503,
      reason: 'ServiceUnavailable',
      message: `cannot reach the apiserver at ${cluster.server}: ${(err as Error).message}`,
      source: 'bff',
    });
  }
  const text = await res.body.text();
  if (res.httpStatusCode < 200 || res.httpStatusCode >= 300) throw statusToError(res.httpStatusCode, text);
  return JSON.parse(text) as T;
}

export { HttpMethod };

/**
 * A streamed GET (pods/log) through client-node's authentication and TLS settings. Not client-node's
 * Log: in 2.0.1 it pipes the response without an error handler, so aborting a followed log crashes
 * the process, and it drops the apiserver's Status message on 4xx. A refusal here throws the
 * apiserver's own error; the returned stream's errors belong to the caller.
 */
export async function kubeStream(
  kc: KubeConfig,
  path: string,
  query: Record<string, string | undefined>,
  signal: AbortSignal,
): Promise<Readable> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('the kubeconfig has no current cluster');
  const url = new URL(cluster.server.replace(/\/$/, '') + path);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, v);
  const ctx = new RequestContext(url.toString(), 'GET' as HttpMethod);
  await kc.applySecurityAuthentication(ctx);
  let res: Awaited<ReturnType<typeof undiciFetch>>;
  try {
    res = await undiciFetch(url, {
      method: 'GET',
      headers: ctx.getHeaders() as Record<string, string>,
      dispatcher: ctx.getDispatcher() as Dispatcher | undefined,
      signal,
    });
  } catch (err) {
    throw new ApiServerError({
      code: 503,
      reason: 'ServiceUnavailable',
      message: `cannot reach the apiserver at ${cluster.server}: ${(err as Error).message}`,
      source: 'bff',
    });
  }
  // 204: the apiserver's answer for the log of a pod that is not scheduled yet (no node to ask);
  // kubectl prints nothing for it, so it is an empty log, not an error.
  if (res.status === 204) return Readable.from([]);
  if (res.status !== 200 || !res.body) throw statusToError(res.status, await res.text());
  return Readable.fromWeb(res.body as import('node:stream/web').ReadableStream);
}
