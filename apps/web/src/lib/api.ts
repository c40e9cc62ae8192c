import type { ApiErrorBody, ErrorResponse } from '@wheelhouse/shared-types';

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
  const res = await fetch(path, {
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

/** One line for an error of any kind: "Forbidden (403): pods is forbidden: …". */
export function describeError(error: unknown): { title: string; message: string } {
  if (error instanceof ApiError) {
    return { title: `${error.body.reason} (${error.body.code})`, message: error.body.message };
  }
  if (error instanceof Error) return { title: 'Error', message: error.message };
  return { title: 'Error', message: String(error) };
}
