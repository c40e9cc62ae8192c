import type { V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../src/logs/lines';
import { pickStreamed, podView, startedContainers } from '../src/logs/roster';

describe('LineSplitter', () => {
  it('gives whole lines only, keeping a line cut across chunks for the next one', () => {
    const s = new LineSplitter();
    expect(s.push('one\ntw')).toEqual(['one']);
    expect(s.push('o\r\nthree')).toEqual(['two']);
    expect(s.end()).toEqual(['three']);
    expect(s.end()).toEqual([]);
  });

  it('cuts a line that never ends at the bound instead of holding it all', () => {
    const s = new LineSplitter(4);
    expect(s.push('abcdefghij')).toEqual(['abcd', 'efgh']);
    expect(s.push('\n')).toEqual(['ij']);
  });
});

function pod(name: string, created: string, statuses: V1Pod['status'] = {}): V1Pod {
  return {
    metadata: { name, creationTimestamp: new Date(created) },
    spec: { containers: [{ name: 'app' }, { name: 'sidecar' }] },
    status: { phase: 'Running', ...statuses },
  };
}

describe('the roster of a workload view', () => {
  const a = pod('a', '2026-01-01T00:00:01Z');
  const b = pod('b', '2026-01-01T00:00:02Z');
  const c = pod('c', '2026-01-01T00:00:03Z');

  it('streams every pod under the cap, and the oldest ones with the count when over it', () => {
    expect(pickStreamed(new Set(), [c, a, b], 5)).toEqual({ names: ['a', 'b', 'c'] });
    expect(pickStreamed(new Set(), [c, a, b], 2)).toEqual({
      names: ['a', 'b'],
      capped: { total: 3, max: 2 },
    });
  });

  it('keeps the pods it streams while they match, and gives freed room to the waiting ones', () => {
    expect(pickStreamed(new Set(['c']), [a, b, c], 1).names).toEqual(['c']);
    expect(pickStreamed(new Set(['b', 'c']), [a, c], 2)).toEqual({ names: ['a', 'c'] });
  });

  it('reads the containers that have a log: running or terminated, one instance per restart', () => {
    const p = pod('p', '2026-01-01T00:00:00Z', {
      containerStatuses: [
        {
          name: 'app',
          image: 'x',
          imageID: '',
          ready: true,
          restartCount: 2,
          state: { running: { startedAt: new Date('2026-01-01T00:01:00Z') } },
        },
        {
          name: 'sidecar',
          image: 'x',
          imageID: '',
          ready: false,
          restartCount: 0,
          state: { waiting: { reason: 'ContainerCreating' } },
        },
      ],
    });
    expect([...startedContainers(p)]).toEqual([['app', '2@2026-01-01T00:01:00.000Z']]);
    expect([...startedContainers(p, new Set(['sidecar']))]).toEqual([]);
    expect(podView(p, new Set(['app']))).toEqual({ name: 'p', containers: ['app'], phase: 'Running' });
    expect(podView({ ...p, metadata: { ...p.metadata, deletionTimestamp: new Date() } }).phase).toBe(
      'Terminating',
    );
  });
});
