import type { V1Pod } from '@kubernetes/client-node';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import type { ListShape, ResourceKind } from '@wheelhouse/shared-types';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { LIVE_GC_TIME_MS, liveListOptions } from './live-query';
import { LiveStore } from './live-store';
import type { LiveParams } from './query-keys';
import { listItems } from './reducers';
import { FakeLiveServer } from './testing/fake-socket';

function pod(name: string, namespace = 'default', rv = '1', phase = 'Running'): V1Pod {
  return {
    metadata: { name, namespace, uid: `uid-${namespace}-${name}`, resourceVersion: rv },
    status: { phase },
  };
}

let server: FakeLiveServer;
let client: QueryClient;
let store: LiveStore;

beforeEach(() => {
  vi.useFakeTimers();
  server = new FakeLiveServer();
  server.set('pods', [pod('a'), pod('b'), pod('c', 'kube-system')]);
  client = new QueryClient();
  store = new LiveStore(server.client, client);
});

afterEach(() => {
  store.dispose();
  client.clear();
  vi.useRealTimers();
});

const tick = () => vi.advanceTimersByTimeAsync(1);

function observe<K extends ResourceKind, S extends ListShape = 'object'>(params: LiveParams<K, S>) {
  const observer = new QueryObserver(client, liveListOptions(store, params));
  const stop = observer.subscribe(() => {});
  const names = () => {
    const data = observer.getCurrentResult().data;
    return data ? listItems(data).map((o) => o.metadata?.name) : undefined;
  };
  return { observer, stop, names };
}

describe('LiveStore', () => {
  it('keeps the rows of a Pods list and the objects of the same pods apart, one subscription each', async () => {
    const rows = observe({ kind: 'pods', namespace: 'default', shape: 'row' });
    const objects = observe({ kind: 'pods', namespace: 'default' });
    await tick();
    expect(server.subscribeLog).toEqual([
      { kind: 'pods', namespace: 'default', shape: 'row' },
      { kind: 'pods', namespace: 'default' },
    ]);
    expect(rows.names()).toEqual(['a', 'b']);
    expect(objects.names()).toEqual(['a', 'b']);
    const row = rows.observer.getCurrentResult().data?.byUid.get('uid-default-a');
    expect(row).toMatchObject({ ready: '0/0', status: 'Running', ip: '<none>' });
    expect(objects.observer.getCurrentResult().data?.byUid.get('uid-default-a')).toEqual(pod('a'));

    server.push('pods', [{ type: 'MODIFIED', object: pod('a', 'default', '2', 'Failed') }]);
    await tick();
    expect(rows.observer.getCurrentResult().data?.byUid.get('uid-default-a')).toMatchObject({
      status: 'Failed',
      metadata: { resourceVersion: '2' },
    });
    expect(objects.observer.getCurrentResult().data?.byUid.get('uid-default-a')?.status?.phase).toBe(
      'Failed',
    );
  });

  it('resolves the query with the ack snapshot, keyed like a query key', async () => {
    const view = observe({ kind: 'pods', namespace: 'default' });
    expect(view.observer.getCurrentResult().status).toBe('pending');
    await tick();
    expect(view.names()).toEqual(['a', 'b']);
    expect(server.subscribeLog).toEqual([{ kind: 'pods', namespace: 'default' }]);
    expect(
      client.getQueryCache().find({ queryKey: ['live', 'pods', 'default', '', 'object'] }),
    ).toBeDefined();
  });

  it('applies events and resyncs to the cache entry', async () => {
    const view = observe({ kind: 'pods' });
    await tick();
    server.push('pods', [
      { type: 'ADDED', object: pod('d') },
      { type: 'DELETED', object: pod('a', 'default', '5') },
    ]);
    expect(view.names()).toEqual(['b', 'c', 'd']);
    server.set('pods', [pod('z')]);
    server.resync('pods');
    expect(view.names()).toEqual(['z']);
  });

  it('shares one subscription between observers and unsubscribes gcTime after the last one leaves', async () => {
    const one = observe({ kind: 'pods', namespace: 'default' });
    const two = observe({ kind: 'pods', namespace: 'default' });
    await tick();
    expect(server.subscribeLog).toHaveLength(1);
    expect(two.names()).toEqual(['a', 'b']);

    one.stop();
    await vi.advanceTimersByTimeAsync(LIVE_GC_TIME_MS + 10);
    expect(server.unsubscribeLog).toEqual([]);

    two.stop();
    await vi.advanceTimersByTimeAsync(LIVE_GC_TIME_MS - 100);
    expect(server.unsubscribeLog).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(server.unsubscribeLog).toEqual(['sub-1']);
    expect(server.subs.size).toBe(0);
    expect(store.activeSubIds()).toEqual([]);
  });

  it('keeps events that arrive in the same task as the ack', async () => {
    server.onAcked = () => server.push('pods', [{ type: 'ADDED', object: pod('early') }]);
    const view = observe({ kind: 'pods', namespace: 'default' });
    await tick();
    expect(view.names()).toEqual(['a', 'b', 'early']);
  });

  it('fails the query with the ack error (a 403 stays a 403)', async () => {
    server.refuse('pods', {
      code: 403,
      reason: 'Forbidden',
      message: 'pods is forbidden: User "dev" cannot list resource "pods" in the namespace "secret"',
      source: 'apiserver',
    });
    const view = observe({ kind: 'pods', namespace: 'secret' });
    await tick();
    const { status, error } = view.observer.getCurrentResult();
    expect(status).toBe('error');
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).body.code).toBe(403);
    expect(error?.message).toContain('cannot list resource "pods"');
  });

  it('re-subscribes every observed key after a reconnect and drops unobserved ones', async () => {
    const watched = observe({ kind: 'pods', namespace: 'default' });
    const left = observe({ kind: 'pods', namespace: 'kube-system' });
    await tick();
    left.stop();
    const before = watched.observer.getCurrentResult().data;

    server.drop();
    expect(store.getStatus().connection).toBe('reconnecting');
    // The data stays on screen while disconnected.
    expect(watched.names()).toEqual(['a', 'b']);

    server.set('pods', [pod('a'), pod('b', 'default', '2', 'Failed')]);
    server.restore();
    await tick();
    expect(store.getStatus().connection).toBe('connected');
    expect(server.subscribeLog.slice(2)).toEqual([{ kind: 'pods', namespace: 'default' }]);
    expect(
      client.getQueryCache().find({ queryKey: ['live', 'pods', 'kube-system', '', 'object'] }),
    ).toBeUndefined();

    const after = watched.observer.getCurrentResult().data;
    expect(after?.byUid.get('uid-default-a')).toBe(before?.byUid.get('uid-default-a')); // unchanged: same object
    expect(after?.byUid.get('uid-default-b')?.status?.phase).toBe('Failed');

    // Events for the new subscription flow again.
    server.push('pods', [{ type: 'ADDED', object: pod('new') }]);
    expect(watched.names()).toEqual(['a', 'b', 'new']);
  });

  it('waits out a drop that happens before the ack and subscribes again', async () => {
    server.ackDelayMs = 50;
    const view = observe({ kind: 'pods', namespace: 'default' });
    await vi.advanceTimersByTimeAsync(10);
    expect(server.subscribeLog).toHaveLength(1);
    server.drop(); // the ack is lost with the connection
    await vi.advanceTimersByTimeAsync(100);
    expect(view.observer.getCurrentResult().status).toBe('pending');
    server.restore();
    await vi.advanceTimersByTimeAsync(100);
    expect(view.names()).toEqual(['a', 'b']);
    expect(server.subscribeLog).toHaveLength(2);
  });

  it('reports subscriptions the server says are not live, until they are again', async () => {
    observe({ kind: 'pods', namespace: 'default' });
    await tick();
    expect(store.getStatus()).toEqual({ connection: 'connected', problems: [] });
    server.status('pods', 'reconnecting', 'watch failed: connection refused');
    expect(store.getStatus().problems).toEqual([
      {
        key: ['live', 'pods', 'default', '', 'object'],
        state: 'reconnecting',
        message: 'watch failed: connection refused',
      },
    ]);
    server.status('pods', 'live');
    expect(store.getStatus().problems).toEqual([]);
  });

  // Found by make chaos (an apiserver kill, then a BFF restart): the subscription that was
  // "reconnecting" died with the old socket, the new one on the new socket was live from its ack and
  // got no status, and the header said "Reconnecting…" for good.
  it('forgets the problems of subscriptions dropped with the socket: live again after a reconnect', async () => {
    observe({ kind: 'pods', namespace: 'default' });
    await tick();
    server.status('pods', 'reconnecting', 'terminated');
    expect(store.getStatus().problems).toHaveLength(1);
    server.drop();
    server.restore();
    await tick();
    expect(store.getStatus()).toEqual({ connection: 'connected', problems: [] });
  });

  it('notifies status listeners on connection changes', async () => {
    const listener = vi.fn();
    store.subscribeStatus(listener);
    server.drop();
    server.restore();
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
