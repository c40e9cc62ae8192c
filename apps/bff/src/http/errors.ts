import type { ApiErrorBody, ErrorResponse } from '@wheelhouse/shared-types';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { ApiServerError, reasonFor } from '../kube/client';

/** An error of the BFF's own (validation, security), in the same shape as the apiserver's. */
export class HttpError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly extra: Pick<ApiErrorBody, 'field' | 'position'> = {},
  ) {
    super(message);
  }
}

export function toErrorBody(err: unknown): ApiErrorBody {
  if (err instanceof ApiServerError) return err.body;
  if (err instanceof HttpError) {
    return { code: err.code, reason: err.reason, message: err.message, source: 'bff', ...err.extra };
  }
  // body-parser / express errors carry a status (413 too large, 400 bad JSON, 415 …)
  const e = err as { status?: number; statusCode?: number; type?: string; message?: string };
  const status = e.status ?? e.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const message =
      e.type === 'entity.too.large'
        ? 'request body is too large'
        : e.type === 'entity.parse.failed'
          ? `request body is not valid JSON: ${e.message ?? ''}`
          : (e.message ?? 'bad request');
    return { code: status, reason: reasonFor(status), message, source: 'bff' };
  }
  return {
    code: 500,
    reason: 'InternalError',
    message: 'internal error in the Wheelhouse server',
    source: 'bff',
  };
}

/** The one error middleware: every error leaves with the same body shape. */
export function errorHandler(log: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const body = toErrorBody(err);
    if (body.code >= 500) log.error({ err, path: req.path }, 'request failed');
    else log.info({ code: body.code, reason: body.reason, path: req.path }, 'request refused');
    const payload: ErrorResponse = { error: body };
    res.status(body.code).json(payload);
  };
}
