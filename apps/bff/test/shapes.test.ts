import type { KubernetesObject, V1Pod } from '@kubernetes/client-node';
import { podListRow } from '@wheelhouse/core';
import type { EventsPayload, PodListRow, ResyncPayload } from '@wheelhouse/shared-types';
import { describe, expect, it } from 'vitest';
import { projectionOf } from '../src/watch/shapes';
import { type Outlet, SocketSession } from '../src/watch/socket-session';

/** A running one-container pod at resourceVersion `rv`, ready or not. */
function pod(name: string, rv: string, ready = true): V1Pod {
  return {
    metadata: { name, namespace: 'ns', uid: `uid-${name}`, resourceVersion: rv },
    spec: { nodeName: 'kwok-node-0', containers: [{ name: 'app', image: 'registry.invalid/app:1' }] },
    status: {
      phase: 'Running',
      podIP: '10.0.0.9',
      containerStatuses: [
        { name: 'app', image: 'x', imageID: '', ready, restartCount: 0, state: { running: {} } },
      ],
    },
  };
}

function fakeOutlet() {
  const events: EventsPayload[] = [];
  const resyncs: ResyncPayload[] = [];
  const outlet: Outlet = {
    emitEvents: (p) => events.push(p),
    emitResync: (p) => resyncs.push(p),
    emitStatus: () => undefined,
    backlog: () => 0,
  };
  return { outlet, events, resyncs };
}

const limits = { tickMs: 5, maxPendingPerSub: 10, maxBacklog: 3, snapshotPage: 2 };
const rowsSession = (items: KubernetesObject[] = []) => {
  const o = fakeOutlet();
  const s = new SocketSession(o.outlet, limits);
  const b = s.createBuffer(
    's1',
    () => ({ items, resourceVersion: '9' }),
    projectionOf({ kind: 'pods', shape: 'row' }),
  );
  s.add('s1', b, () => undefined);
  return { ...o, s, b };
};
const cells = (r: unknown) => {
  const row = r as PodListRow;
  return `${row.metadata.name}@${row.metadata.resourceVersion} ${row.ready} ${row.status}`;
};

describe('a row-shaped subscription', () => {
  it("sends each change as the pod's row, coalesced per pod to its latest version", () => {
    const { s, b, events } = rowsSession();
    b.onEvent('MODIFIED', pod('a', '2'));
    b.onEvent('MODIFIED', pod('a', '3', false));
    b.onEvent('ADDED', pod('b', '4'));
    s.flush();
    expect(events[0]?.batch.map((e) => `${e.type} ${cells(e.object)}`)).toEqual([
      'MODIFIED a@3 0/1 Running',
      'ADDED b@4 1/1 Running',
    ]);
    expect(events[0]?.batch[0]?.object).not.toHaveProperty('spec');
    s.close();
  });

  it('sends a DELETED pod as the row of the object it was last seen as', () => {
    const { s, b, events } = rowsSession();
    const gone = pod('a', '5', false);
    b.onEvent('DELETED', gone);
    s.flush();
    expect(events[0]?.batch).toEqual([{ type: 'DELETED', object: podListRow(gone) }]);
    s.close();
  });

  it('sends the pages of a large snapshot and a resync as rows', () => {
    const items = ['a', 'b', 'c', 'd'].map((n, i) => pod(n, String(i + 1)));
    const { s, b, events, resyncs } = rowsSession(items);
    b.preload(items.slice(1), 1);
    s.flush();
    s.flush();
    expect(events.map((e) => [e.batch.map((x) => cells(x.object)), e.progress?.complete])).toEqual([
      [['b@2 1/1 Running', 'c@3 1/1 Running'], false],
      [['d@4 1/1 Running'], true],
    ]);
    b.onResync();
    s.flush();
    expect(resyncs[0]?.items).toEqual(items.map((p) => podListRow(p)));
    s.close();
  });

  it('shares one row per pod version between the sockets that show it', () => {
    const one = rowsSession();
    const two = rowsSession();
    const p = pod('a', '7');
    one.b.onEvent('MODIFIED', p);
    two.b.onEvent('MODIFIED', p);
    one.s.flush();
    two.s.flush();
    expect(one.events[0]?.batch[0]?.object).toBe(two.events[0]?.batch[0]?.object);
    one.s.close();
    two.s.close();
  });

  it('leaves an object-shaped subscription of the same pods with whole objects', () => {
    const o = fakeOutlet();
    const s = new SocketSession(o.outlet, limits);
    const b = s.createBuffer(
      's2',
      () => ({ items: [], resourceVersion: '1' }),
      projectionOf({ kind: 'pods' }),
    );
    s.add('s2', b, () => undefined);
    const p = pod('a', '8');
    b.onEvent('MODIFIED', p);
    s.flush();
    expect(o.events[0]?.batch[0]?.object).toBe(p);
    s.close();
  });
});
