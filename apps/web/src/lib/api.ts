import type { ApiErrorBody, ErrorResponse } from '@wheelhouse/shared-types';
import { CSRF_HEADER } from '@wheelhouse/shared-types/constants';

import { withContext } from './kube-context';

/**
 * An error the BFF (or, through it, the apiserver) answered with. REST error bodies and failed
 * socket acks carry the same `ApiErrorBody`, so views render both the same way.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
  }
}

function isErrorResponse(value: unknown): value is ErrorResponse {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'message' in error && 'code' in error;
}

/** GET a JSON resource from the BFF (same origin, relative path). Non-2xx answers throw `ApiError`. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(withContext(path), {
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
    ...(signal ? { signal } : {}),
  });
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    if (isErrorResponse(body)) throw new ApiError(body.error);
    throw new ApiError({
      code: res.status,
      reason: res.statusText || 'Error',
      message: `GET ${path} failed with HTTP ${res.status}`,
      source: 'bff',
    });
  }
  return body as T;
}

/**
 * POST JSON to the BFF with the session's CSRF token (the browser adds Origin itself). Non-2xx
 * answers throw `ApiError` with the server's message (e.g. the 401 of a refused token).
 */
export function postJson<T>(path: string, body: unknown, csrfToken: string): Promise<T> {
  return sendJson<T>('POST', path, body, csrfToken);
}

/**
 * A mutating request (POST, PUT, PATCH, DELETE) with a JSON body and the session's CSRF token.
 * Non-2xx answers throw `ApiError` carrying the server's body: the apiserver's code, reason, message
 * and causes, unchanged (409 stays 409, 422 keeps its field causes).
 */
export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body: unknown,
  csrfToken: string,
): Promise<T> {
  const res = await fetch(withContext(path), {
    method,
    headers: { accept: 'application/json', 'content-type': 'application/json', [CSRF_HEADER]: csrfToken },
    credentials: 'same-origin',
    cache: 'no-store',
    body: JSON.stringify(body),
  });
  const data: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    if (isErrorResponse(data)) throw new ApiError(data.error);
    throw new ApiError({
      code: res.status,
      reason: res.statusText || 'Error',
      message: `${method} ${path} failed with HTTP ${res.status}`,
      source: 'bff',
    });
  }
  return data as T;
}

/** One line for an error of any kind: "Forbidden (403): pods is forbidden: …". */
export function describeError(error: unknown): { title: string; message: string } {
  if (error instanceof ApiError) {
    return { title: `${error.body.reason} (${error.body.code})`, message: error.body.message };
  }
  if (error instanceof Error) return { title: 'Error', message: error.message };
  return { title: 'Error', message: String(error) };
}
