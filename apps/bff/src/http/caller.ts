import type { Request } from 'express';
import type { Caller, Callers } from '../kube/callers';
import { kubeRequest, type RequestOptions } from '../kube/client';
import type { Metrics } from '../metrics';
import { HttpError } from './errors';

/** The caller of a REST request, for the context named by `?context=` (the default when absent). */
export function callerOf(callers: Callers, req: Request): Caller {
  const context = req.query.context;
  if (context === undefined || context === '') return callers.resolve(req.headers, undefined);
  if (typeof context !== 'string' || context.length > 253) {
    throw new HttpError(400, 'BadRequest', 'invalid context', { field: 'context' });
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
