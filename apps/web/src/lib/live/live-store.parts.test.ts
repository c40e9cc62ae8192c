import type { V1Pod } from '@kubernetes/client-node';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { liveListOptions } from './live-query';
import { LiveStore } from './live-store';
import { listItems } from './reducers';
import { FakeLiveServer } from './testing/fake-socket';

const pod = (name: string, rv = '1'): V1Pod => ({
  metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: rv },
  status: { phase: 'Running' },
});
const pods = (from: number, n: number) => Array.from({ length: n }, (_, i) => pod(`p${from + i}`));

let server: FakeLiveServer;
let client: QueryClient;
let store: LiveStore;

beforeEach(() => {
  vi.useFakeTimers();
  server = new FakeLiveServer();
  server.set('pods', [pod('first')]);
  client = new QueryClient();
  store = new LiveStore(server.client, client, { partIntervalMs: 500 });
});

afterEach(() => {
  store.dispose();
  client.clear();
  vi.useRealTimers();
});

/** The Pods list's query, and every state it was handed (one per change a view re-renders for). */
async function watchPods() {
  const observer = new QueryObserver(client, liveListOptions(store, { kind: 'pods', shape: 'row' }));
  const states: { count: number; loading: unknown }[] = [];
  observer.subscribe((result) => {
    if (result.data) states.push({ count: result.data.byUid.size, loading: result.data.loading });
  });
  // The ack's list is shown, and the frame after it painted (parts wait until then).
  await vi.advanceTimersByTimeAsync(50);
  states.length = 0;
  const names = () => {
    const data = observer.getCurrentResult().data;
    return data ? listItems(data).map((r) => r.metadata?.name) : [];
  };
  return { states, names };
}

describe('LiveStore: a snapshot sent in parts', () => {
  it('shows the first part at once, holds the next ones, and applies them together as one change', async () => {
    const view = await watchPods();
    server.part('pods', pods(0, 5), { loaded: 6, total: 21, complete: false });
    await vi.advanceTimersByTimeAsync(0);
    expect(view.states).toEqual([{ count: 6, loading: { loaded: 6, total: 21 } }]);

    server.part('pods', pods(5, 5), { loaded: 11, total: 21, complete: false });
    server.part('pods', pods(10, 5), { loaded: 16, total: 21, complete: false });
    await vi.advanceTimersByTimeAsync(100);
    expect(view.states).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(500);
    expect(view.states).toEqual([
      { count: 6, loading: { loaded: 6, total: 21 } },
      { count: 16, loading: { loaded: 16, total: 21 } },
    ]);
  });

  it('applies the last part at once, with what was held before it, and the list is whole', async () => {
    const view = await watchPods();
    server.part('pods', pods(0, 5), { loaded: 6, total: 16, complete: false });
    server.part('pods', pods(5, 5), { loaded: 11, total: 16, complete: false });
    server.part('pods', pods(10, 5), { loaded: 16, total: 16, complete: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(view.states).toEqual([
      { count: 6, loading: { loaded: 6, total: 16 } },
      { count: 16, loading: undefined },
    ]);
    expect(view.names()).toEqual(['first', ...pods(0, 15).map((p) => p.metadata?.name)]);
  });

  it('applies a change after the snapshot at once, never held', async () => {
    const view = await watchPods();
    server.part('pods', pods(0, 5), { loaded: 6, total: 11, complete: false });
    server.part('pods', pods(5, 5), { loaded: 11, total: 11, complete: true });
    await vi.advanceTimersByTimeAsync(0);
    view.states.length = 0;

    server.push('pods', [{ type: 'MODIFIED', object: pod('p3', '9') }]);
    server.push('pods', [{ type: 'DELETED', object: pod('p4', '10') }]);
    expect(view.states.at(-1)).toEqual({ count: 10, loading: undefined });
    expect(view.names()).not.toContain('p4');
  });

  it('waits longer between parts as a slow list goes on, so a long LIST renders seldom', async () => {
    const view = await watchPods();
    for (let i = 0; i < 20; i += 1) {
      server.part('pods', pods(i * 5, 5), { loaded: 1 + (i + 1) * 5, total: 101, complete: false });
      await vi.advanceTimersByTimeAsync(250);
    }
    // 5 s of parts every 250 ms: shown at 0, 0.5, 1.5 and 3.5 s (the wait doubles), not 20 times;
    // each flush holds the parts that came before its timer.
    expect(view.states.map((s) => s.count)).toEqual([6, 11, 31, 71]);
  });
});

describe("LiveStore: a warm list's later pages right behind its ack", () => {
  const key = liveListOptions(store, { kind: 'pods', shape: 'row' });
  /** As the BFF answers from a warm cache: the ack, then its pages, each the next message. */
  const pagesBehindTheAck = () => {
    server.onAcked = () => {
      setTimeout(() => server.part('pods', pods(0, 5), { loaded: 6, total: 16, complete: false }), 0);
      setTimeout(() => server.part('pods', pods(5, 10), { loaded: 16, total: 16, complete: true }), 0);
    };
  };
  const observe = () => {
    const counts: number[] = [];
    const observer = new QueryObserver(client, liveListOptions(store, { kind: 'pods', shape: 'row' }));
    observer.subscribe((result) => {
      if (result.data) counts.push(result.data.byUid.size);
    });
    // A view that mounts on a list already in the cache renders it at once.
    const held = observer.getCurrentResult().data;
    if (held) counts.push(held.byUid.size);
    return counts;
  };

  it("shows the ack's rows alone first, and the rest as one change the frame after", async () => {
    pagesBehindTheAck();
    const counts = observe();
    await vi.advanceTimersByTimeAsync(1);
    expect(counts).toEqual([1]);
    await vi.advanceTimersByTimeAsync(50);
    expect(counts).toEqual([1, 16]);
  });

  it('holds the pages of a list prefetched before its view mounted until a view shows it', async () => {
    pagesBehindTheAck();
    void client.prefetchQuery(liveListOptions(store, { kind: 'pods', shape: 'row' }));
    await vi.advanceTimersByTimeAsync(2000);
    expect(client.getQueryData(key.queryKey)?.byUid.size).toBe(1);
    const counts = observe();
    await vi.advanceTimersByTimeAsync(1);
    expect(counts).toEqual([1]);
    await vi.advanceTimersByTimeAsync(50);
    expect(counts).toEqual([1, 16]);
  });

  it('in a tab that paints no frames (hidden), shows the rest partIntervalMs after the view appeared', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0);
    try {
      pagesBehindTheAck();
      const counts = observe();
      await vi.advanceTimersByTimeAsync(100);
      expect(counts).toEqual([1]);
      await vi.advanceTimersByTimeAsync(450);
      expect(counts).toEqual([1, 16]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('applies a change that comes while the pages wait at once, with the pages before it', async () => {
    server.onAcked = () => {
      setTimeout(() => server.part('pods', pods(0, 5), { loaded: 6, total: 6, complete: true }), 0);
      setTimeout(() => server.push('pods', [{ type: 'DELETED', object: pod('first', '9') }]), 0);
    };
    const counts = observe();
    await vi.advanceTimersByTimeAsync(1);
    expect(counts.at(-1)).toBe(5);
  });
});
