import type { Request } from 'express';
import type { Caller, Callers } from '../kube/callers';
import { kubeRequest, type RequestOptions } from '../kube/client';
import type { Metrics } from '../metrics';
import { HttpError } from './errors';

/**
 * The caller of a REST request, for the context named by `?context=` (the default when absent) or,
 * for the write routes whose bodies may name it, by the body's `context` (both at once must agree).
 */
export function callerOf(callers: Callers, req: Request, bodyContext?: string): Caller {
  const context = req.query.context;
  if (context === undefined || context === '') return callers.resolve(req.headers, bodyContext);
  if (typeof context !== 'string' || context.length > 253) {
    throw new HttpError(400, 'BadRequest', 'invalid context', { field: 'context' });
  }
  if (bodyContext !== undefined && bodyContext !== context) {
    throw new HttpError(400, 'BadRequest', 'the context in the query and in the body differ', {
      field: 'context',
    });
  }
  return callers.resolve(req.headers, context);
}

/** An apiserver request as the caller, timed for the latency histogram. */
export function timedRequests(metrics: Metrics) {
  return async function timed<T>(
    verb: string,
    caller: Caller,
    path: string,
    opts?: RequestOptions,
  ): Promise<T> {
    const end = metrics.apiLatency.startTimer({ verb });
    try {
      const res = await kubeRequest<T>(caller.kc, path, opts);
      end({ code: '200' });
      return res;
    } catch (err) {
      end({ code: String((err as { code?: number }).code ?? 'error') });
      throw err;
    }
  };
}
