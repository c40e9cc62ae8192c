// @vitest-environment jsdom
// (TanStack Query schedules refetch intervals only where there is a window.)
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import type { HistoryResponse } from '@wheelhouse/shared-types';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HISTORY_RETRY_MS, historyOptions } from './get-history';

const history = { revisions: [] } as unknown as HistoryResponse;
const answer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const unavailable = () =>
  answer(503, {
    error: { code: 503, reason: 'ServiceUnavailable', message: 'cannot reach the apiserver', source: 'bff' },
  });

let client: QueryClient;
beforeEach(() => {
  vi.useFakeTimers();
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
});
afterEach(() => {
  client.clear();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function observe() {
  const observer = new QueryObserver(client, historyOptions({ namespace: 'shop', name: 'web' }, '1|'));
  const stop = observer.subscribe(() => {});
  return { result: () => observer.getCurrentResult(), stop };
}

describe('rollout history read', () => {
  // Found by make chaos: read while the apiserver was down, the error stayed after it was back,
  // because the key changes only with a new revision.
  it('clears an outage error by itself once the server answers again', async () => {
    const fetch = vi.fn().mockResolvedValueOnce(unavailable()).mockResolvedValue(answer(200, history));
    vi.stubGlobal('fetch', fetch);
    const view = observe();
    await vi.advanceTimersByTimeAsync(1);
    expect(view.result().status).toBe('error');
    await vi.advanceTimersByTimeAsync(HISTORY_RETRY_MS);
    expect(fetch.mock.calls.length, String(view.result().error)).toBe(2);
    expect(view.result().status).toBe('success');
    expect(view.result().data).toEqual(history);
    view.stop();
  });

  it('shows a 403 and does not ask again', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValue(
        answer(403, { error: { code: 403, reason: 'Forbidden', message: 'no', source: 'apiserver' } }),
      );
    vi.stubGlobal('fetch', fetch);
    const view = observe();
    await vi.advanceTimersByTimeAsync(3 * HISTORY_RETRY_MS);
    expect(view.result().status).toBe('error');
    expect(fetch).toHaveBeenCalledTimes(1);
    view.stop();
  });

  it('is not polled once it has an answer', async () => {
    const fetch = vi.fn().mockResolvedValue(answer(200, history));
    vi.stubGlobal('fetch', fetch);
    const view = observe();
    await vi.advanceTimersByTimeAsync(3 * HISTORY_RETRY_MS);
    expect(fetch).toHaveBeenCalledTimes(1);
    view.stop();
  });
});
