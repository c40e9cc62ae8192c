import type { ApiErrorBody } from '@wheelhouse/shared-types';
import { ApiError } from '../api';
import { currentContext } from '../kube-context';

/**
 * Asks the BFF to open a stream over the tab's socket (logs, workload logs, a shell) and waits for its
 * ack. The tab's kube context goes with the request, as with subscriptions. A refusal or a timeout runs
 * `abandon` first — the caller's listeners were registered before asking, so that nothing sent right
 * after the ack is lost — then rejects (a refusal as the server's `ApiError`: 403, 404, 400 …).
 */
export async function startStream<Ack extends { ok: true } | { ok: false; error: ApiErrorBody }>(
  ask: (context: string | undefined) => Promise<Ack>,
  abandon: () => void,
): Promise<Extract<Ack, { ok: true }>> {
  let ack: Ack;
  try {
    ack = await ask(currentContext());
  } catch (err) {
    abandon();
    throw err;
  }
  if (!ack.ok) {
    abandon();
    throw new ApiError(ack.error);
  }
  return ack as Extract<Ack, { ok: true }>;
}

/** The request with the tab's context, when there is one (the BFF's default context otherwise). */
export function withContext<R extends object>(req: R, context: string | undefined): R & { context?: string } {
  return context ? { ...req, context } : req;
}
