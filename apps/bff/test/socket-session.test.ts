import type { KubernetesObject } from '@kubernetes/client-node';
import type { EventsPayload, ResyncPayload } from '@wheelhouse/shared-types';
import { describe, expect, it } from 'vitest';
import { type Outlet, SocketSession } from '../src/watch/socket-session';

function cm(name: string, rv: string): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: 'ns', uid: `uid-${name}`, resourceVersion: rv },
  };
}

function fakeOutlet() {
  const events: EventsPayload[] = [];
  const resyncs: ResyncPayload[] = [];
  let backlog = 0;
  const outlet: Outlet = {
    emitEvents: (p) => events.push(p),
    emitResync: (p) => resyncs.push(p),
    emitStatus: () => undefined,
    backlog: () => backlog,
  };
  return { outlet, events, resyncs, setBacklog: (n: number) => (backlog = n) };
}

const limits = { tickMs: 5, maxPendingPerSub: 10, maxBacklog: 3 };

describe('SocketSession', () => {
  it('coalesces repeated updates of one object within a tick into its latest version', () => {
    const o = fakeOutlet();
    const s = new SocketSession(o.outlet, limits);
    const b = s.createBuffer('s1', () => ({ items: [], resourceVersion: '1' }));
    s.add('s1', b, () => undefined);
    b.onEvent('MODIFIED', cm('a', '2'));
    b.onEvent('MODIFIED', cm('a', '3'));
    b.onEvent('MODIFIED', cm('b', '4'));
    s.flush();
    expect(o.events).toHaveLength(1);
    expect(
      o.events[0]?.batch.map(
        (e) => `${e.type}:${e.object.metadata?.name}@${e.object.metadata?.resourceVersion}`,
      ),
    ).toEqual(['MODIFIED:a@3', 'MODIFIED:b@4']);
    s.close();
  });

  it('drops an object created and deleted within one tick, and keeps ADDED for created-then-updated', () => {
    const o = fakeOutlet();
    const s = new SocketSession(o.outlet, limits);
    const b = s.createBuffer('s1', () => ({ items: [], resourceVersion: '1' }));
    s.add('s1', b, () => undefined);
    b.onEvent('ADDED', cm('gone', '2'));
    b.onEvent('DELETED', cm('gone', '3'));
    b.onEvent('ADDED', cm('new', '4'));
    b.onEvent('MODIFIED', cm('new', '5'));
    s.flush();
    expect(
      o.events[0]?.batch.map(
        (e) => `${e.type}:${e.object.metadata?.name}@${e.object.metadata?.resourceVersion}`,
      ),
    ).toEqual(['ADDED:new@5']);
    s.close();
  });

  it('switches a subscription that overflows its buffer to one resync with the current snapshot', () => {
    const o = fakeOutlet();
    const s = new SocketSession(o.outlet, limits);
    const snapshot = [cm('x', '99')];
    const b = s.createBuffer('s1', () => ({ items: snapshot, resourceVersion: '99' }));
    s.add('s1', b, () => undefined);
    for (let i = 0; i < 50; i++) b.onEvent('ADDED', cm(`n${i}`, String(i)));
    expect(b.size).toBe(0); // nothing buffered beyond the bound
    s.flush();
    expect(o.events).toHaveLength(0);
    expect(o.resyncs).toEqual([
      { subId: 's1', items: snapshot, resourceVersion: '99', reason: 'slow-consumer' },
    ]);
    s.close();
  });

  it('holds nothing while the socket is congested and resyncs once it drains', () => {
    const o = fakeOutlet();
    const s = new SocketSession(o.outlet, limits);
    const b = s.createBuffer('s1', () => ({ items: [cm('a', '7')], resourceVersion: '7' }));
    s.add('s1', b, () => undefined);
    o.setBacklog(10);
    for (let i = 0; i < 5; i++) b.onEvent('MODIFIED', cm('a', String(i)));
    s.flush();
    expect(o.events).toHaveLength(0);
    expect(b.size).toBe(0);
    o.setBacklog(0);
    s.flush();
    expect(o.resyncs).toHaveLength(1);
    expect(o.resyncs[0]?.reason).toBe('slow-consumer');
    s.close();
  });

  it('tells a relist apart from a slow consumer', () => {
    const o = fakeOutlet();
    const s = new SocketSession(o.outlet, limits);
    const b = s.createBuffer('s1', () => ({ items: [], resourceVersion: '5' }));
    s.add('s1', b, () => undefined);
    b.onResync();
    s.flush();
    expect(o.resyncs[0]?.reason).toBe('relist');
    s.close();
  });

  it('releases every subscription when the socket closes', () => {
    const o = fakeOutlet();
    const s = new SocketSession(o.outlet, limits);
    let released = 0;
    for (const id of ['a', 'b'])
      s.add(
        id,
        s.createBuffer(id, () => ({ items: [], resourceVersion: '' })),
        () => released++,
      );
    s.close();
    expect(released).toBe(2);
    expect(s.subs.size).toBe(0);
  });

  it('sends the first change after a quiet period at once, and batches what follows within a tick', async () => {
    const o = fakeOutlet();
    const s = new SocketSession(o.outlet, { tickMs: 200, maxPendingPerSub: 10, maxBacklog: 3 });
    const b = s.createBuffer('s1', () => ({ items: [], resourceVersion: '1' }));
    s.add('s1', b, () => undefined);
    const t0 = Date.now();
    b.onEvent('MODIFIED', cm('a', '2'));
    await new Promise((r) => setTimeout(r, 20));
    expect(o.events).toHaveLength(1); // not held for the 200 ms tick
    expect(Date.now() - t0).toBeLessThan(150);
    b.onEvent('MODIFIED', cm('a', '3'));
    b.onEvent('MODIFIED', cm('b', '4'));
    await new Promise((r) => setTimeout(r, 20));
    expect(o.events).toHaveLength(1); // the next batch waits for the tick
    await new Promise((r) => setTimeout(r, 250));
    expect(o.events).toHaveLength(2);
    expect(o.events[1]?.batch).toHaveLength(2);
    s.close();
  });
});

describe('SocketSession: progressive snapshots', () => {
  it('sends each page as ADDED objects with its progress, then the completion, then changes', () => {
    const o = fakeOutlet();
    const s = new SocketSession(o.outlet, limits);
    const b = s.createBuffer('s1', () => ({ items: [], resourceVersion: '' }));
    s.add('s1', b, () => undefined);
    b.onChunk([cm('c', '3'), cm('d', '3')], { loaded: 4, total: 6 });
    s.flush();
    b.onChunk([cm('e', '3'), cm('f', '3')], { loaded: 6, total: 6 });
    b.onComplete({ loaded: 6, total: 6 });
    s.flush();
    b.onEvent('MODIFIED', cm('c', '9'));
    s.flush();
    expect(
      o.events.map((e) => [e.batch.map((x) => `${x.type} ${x.object.metadata?.name}`), e.progress]),
    ).toEqual([
      [['ADDED c', 'ADDED d'], { loaded: 4, total: 6, complete: false }],
      [['ADDED e', 'ADDED f'], { loaded: 6, total: 6, complete: true }],
      [['MODIFIED c'], undefined],
    ]);
    s.close();
  });

  it('a socket that falls behind while the snapshot loads gets the part loaded so far, marked incomplete, then the rest', () => {
    const o = fakeOutlet();
    const s = new SocketSession(o.outlet, limits);
    const loaded = [cm('a', '3'), cm('b', '3')];
    const b = s.createBuffer('s1', () => ({
      items: loaded,
      resourceVersion: '',
      progress: { loaded: 2, total: 4 },
    }));
    s.add('s1', b, () => undefined);
    o.setBacklog(10);
    b.onChunk([cm('b', '3')], { loaded: 2, total: 4 });
    s.flush();
    o.setBacklog(0);
    s.flush();
    expect(o.resyncs).toHaveLength(1);
    expect(o.resyncs[0]?.progress).toEqual({ loaded: 2, total: 4, complete: false });
    b.onChunk([cm('c', '3'), cm('d', '3')], { loaded: 4, total: 4 });
    b.onComplete({ loaded: 4, total: 4 });
    s.flush();
    expect(o.events.at(-1)?.progress).toEqual({ loaded: 4, total: 4, complete: true });
    s.close();
  });
});

describe('SocketSession: the rest of a large warm snapshot', () => {
  it('follows the ack a page per tick, and holds changes back until the snapshot is whole', () => {
    const o = fakeOutlet();
    const s = new SocketSession(o.outlet, { ...limits, snapshotPage: 2 });
    const b = s.createBuffer('s1', () => ({ items: [], resourceVersion: '1' }));
    s.add('s1', b, () => undefined);
    b.preload([cm('c', '3'), cm('d', '3'), cm('e', '3')], 2);
    // d changes before its page went out: the change must land after the stale copy.
    b.onEvent('MODIFIED', cm('d', '8'));
    s.flush();
    s.flush();
    s.flush();
    expect(
      o.events.map((e) => [
        e.batch.map((x) => `${x.type} ${x.object.metadata?.name}@${x.object.metadata?.resourceVersion}`),
        e.progress,
      ]),
    ).toEqual([
      [['ADDED c@3', 'ADDED d@3'], { loaded: 4, total: 5, complete: false }],
      [['ADDED e@3', 'MODIFIED d@8'], { loaded: 5, total: 5, complete: true }],
    ]);
    s.close();
  });
});
