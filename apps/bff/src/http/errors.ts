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

/** body-parser error types whose message says what was wrong with the body, and nothing else. */
const BODY_ERRORS = new Set([
  'entity.too.deep',
  'charset.unsupported',
  'encoding.unsupported',
  'request.aborted',
  'request.size.invalid',
  'stream.encoding.set',
]);
const GENERIC_MESSAGES: Partial<Record<number, string>> = {
  403: 'forbidden',
  404: 'not found',
  405: 'method not allowed',
  415: 'unsupported media type',
};

export function toErrorBody(err: unknown): ApiErrorBody {
  if (err instanceof ApiServerError) return err.body;
  if (err instanceof HttpError) {
    return { code: err.code, reason: err.reason, message: err.message, source: 'bff', ...err.extra };
  }
  // body-parser / express / serve-static errors carry a status (413 too large, 400 bad JSON, 404 …).
  // Their own message is passed on only for the body errors below: others may carry a file path
  // (serve-static's 404 says "ENOENT: no such file or directory, stat '/abs/path'").
  const e = err as { status?: number; statusCode?: number; type?: string; message?: string };
  const status = e.status ?? e.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const message =
      e.type === 'entity.too.large'
        ? 'request body is too large'
        : e.type === 'entity.parse.failed'
          ? `request body is not valid JSON: ${e.message ?? ''}`
          : e.type !== undefined && BODY_ERRORS.has(e.type)
            ? (e.message ?? 'bad request body')
            : (GENERIC_MESSAGES[status] ?? 'bad request');
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
