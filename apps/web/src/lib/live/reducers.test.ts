import type { V1Pod } from '@kubernetes/client-node';
import type { WatchEvent } from '@wheelhouse/shared-types';
import { describe, expect, it } from 'vitest';
import { applyEvents, applyResync, fromSnapshot, type LiveList, listItems, objectKey } from './reducers';

function pod(name: string, resourceVersion: string, uid = `uid-${name}`, phase = 'Running'): V1Pod {
  return { metadata: { name, namespace: 'default', uid, resourceVersion }, status: { phase } };
}
const ev = (type: WatchEvent['type'], object: V1Pod): WatchEvent => ({ type, object });
const names = (state: LiveList<V1Pod>) => listItems(state).map((p) => p.metadata?.name);

describe('objectKey', () => {
  it('is the uid when there is one', () => {
    expect(objectKey(pod('a', '1', 'u-1'))).toBe('u-1');
  });
  it('falls back to namespace/name without a uid', () => {
    expect(objectKey({ metadata: { name: 'a', namespace: 'ns' } })).toBe('ns/a');
  });
});

describe('fromSnapshot', () => {
  it('keys the snapshot by uid and keeps its resourceVersion', () => {
    const state = fromSnapshot([pod('a', '1'), pod('b', '2')], '10');
    expect(names(state)).toEqual(['a', 'b']);
    expect(state.byUid.get('uid-a')?.metadata?.name).toBe('a');
    expect(state.resourceVersion).toBe('10');
  });
});

describe('applyEvents', () => {
  const a1 = pod('a', '1');
  const b1 = pod('b', '2');
  const base = fromSnapshot([a1, b1], '2');

  it('adds an object that was not held', () => {
    const next = applyEvents(base, [ev('ADDED', pod('c', '3'))]);
    expect(names(next)).toEqual(['a', 'b', 'c']);
    expect(next.resourceVersion).toBe('3');
    expect(names(base)).toEqual(['a', 'b']); // the previous state is not mutated
  });

  it('replaces a modified object in place and keeps the others by identity', () => {
    const a2 = pod('a', '5', 'uid-a', 'Failed');
    const next = applyEvents(base, [ev('MODIFIED', a2)]);
    expect(next.byUid.get('uid-a')).toBe(a2);
    expect(next.byUid.get('uid-b')).toBe(b1);
    expect(names(next)).toEqual(['a', 'b']);
  });

  it('removes a deleted object', () => {
    const next = applyEvents(base, [ev('DELETED', pod('a', '6'))]);
    expect(names(next)).toEqual(['b']);
    expect(next.resourceVersion).toBe('6');
  });

  it('returns the same state when nothing changed: unknown delete, same resourceVersion, empty batch', () => {
    expect(applyEvents(base, [])).toBe(base);
    expect(applyEvents(base, [ev('DELETED', pod('zzz', '9'))])).toBe(base);
    expect(applyEvents(base, [ev('MODIFIED', pod('a', '1'))])).toBe(base);
  });

  it('treats MODIFIED of an unknown object as an insert and ADDED of a known one as an update', () => {
    const next = applyEvents(base, [
      ev('MODIFIED', pod('c', '3')),
      ev('ADDED', pod('a', '4', 'uid-a', 'Pending')),
    ]);
    expect(names(next)).toEqual(['a', 'b', 'c']);
    expect(next.byUid.get('uid-a')?.status?.phase).toBe('Pending');
  });

  it('applies a batch in order: add, modify and delete of one object within a batch', () => {
    const next = applyEvents(base, [
      ev('ADDED', pod('c', '3')),
      ev('MODIFIED', pod('c', '4', 'uid-c', 'Succeeded')),
      ev('DELETED', pod('b', '5')),
    ]);
    expect(names(next)).toEqual(['a', 'c']);
    expect(next.byUid.get('uid-c')?.status?.phase).toBe('Succeeded');
    expect(next.resourceVersion).toBe('5');
  });

  it('keys by uid, so a pod recreated under the same name is a different row', () => {
    const next = applyEvents(base, [ev('DELETED', pod('a', '7')), ev('ADDED', pod('a', '8', 'uid-a2'))]);
    expect([...next.byUid.keys()]).toEqual(['uid-b', 'uid-a2']);
  });
});

describe('applyResync', () => {
  const a1 = pod('a', '1');
  const b1 = pod('b', '2');
  const base = fromSnapshot([a1, b1], '2');

  it('starts from the resync when nothing was held', () => {
    const next = applyResync(undefined, { items: [a1], resourceVersion: '3' });
    expect(names(next)).toEqual(['a']);
  });

  it('replaces everything held: objects gone from the list are dropped, new ones added', () => {
    const c = pod('c', '9');
    const next = applyResync(base, { items: [b1, c], resourceVersion: '9' });
    expect(names(next)).toEqual(['b', 'c']);
    expect(next.resourceVersion).toBe('9');
  });

  it('keeps the identity of objects whose resourceVersion did not change', () => {
    const b2 = pod('b', '7', 'uid-b', 'Failed');
    const next = applyResync(base, { items: [pod('a', '1'), b2], resourceVersion: '7' });
    expect(next.byUid.get('uid-a')).toBe(a1);
    expect(next.byUid.get('uid-b')).toBe(b2);
  });

  it('returns the same state when the list is identical', () => {
    expect(applyResync(base, { items: [pod('a', '1'), pod('b', '2')], resourceVersion: '2' })).toBe(base);
  });

  it('keeps the map but takes the new resourceVersion when only the list version moved', () => {
    const next = applyResync(base, { items: [pod('a', '1'), pod('b', '2')], resourceVersion: '11' });
    expect(next).not.toBe(base);
    expect(next.byUid).toBe(base.byUid);
    expect(next.resourceVersion).toBe('11');
  });
});

describe('progressive snapshots', () => {
  it('says how much has arrived until the last part, and keeps the snapshot version meanwhile', () => {
    const first = fromSnapshot([pod('a', '5')], '40', { loaded: 1, total: 3, complete: false });
    expect(first.loading).toEqual({ loaded: 1, total: 3 });
    const more = applyEvents(first, [ev('ADDED', pod('b', '77'))], { loaded: 2, total: 3, complete: false });
    expect(names(more)).toEqual(['a', 'b']);
    expect(more.loading).toEqual({ loaded: 2, total: 3 });
    // An object's own version inside a part is not the list's version.
    expect(more.resourceVersion).toBe('40');
    const done = applyEvents(more, [ev('ADDED', pod('c', '12'))], { loaded: 3, total: 3, complete: true });
    expect(names(done)).toEqual(['a', 'b', 'c']);
    expect(done.loading).toBeUndefined();
    // The completing message may carry no objects: it still ends the loading.
    const emptyEnd = applyEvents(more, [], { loaded: 2, complete: true });
    expect(emptyEnd.loading).toBeUndefined();
    expect(emptyEnd.byUid).toBe(more.byUid);
  });

  it('ends the loading with a resync that replaces the parts (a LIST that had to start over)', () => {
    const partial = fromSnapshot([pod('a', '5'), pod('gone', '6')], '40', { loaded: 2, complete: false });
    const whole = applyResync(partial, { items: [pod('a', '5'), pod('b', '9')], resourceVersion: '50' });
    expect(names(whole)).toEqual(['a', 'b']);
    expect(whole.loading).toBeUndefined();
    expect(whole.byUid.get('uid-a')).toBe(partial.byUid.get('uid-a'));
  });
});
