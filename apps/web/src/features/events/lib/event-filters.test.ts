import type { CoreV1Event } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { eventRow } from '../../../lib/kubectl/cluster-rows';
import { targetPath } from '../components/columns';
import { filterEvents, reasonCounts } from './event-filters';

const event = (name: string, fields: Partial<CoreV1Event>): CoreV1Event => ({
  metadata: { name, namespace: 'demo', uid: name, resourceVersion: '1' },
  involvedObject: { kind: 'Pod', name: 'api-1', namespace: 'demo', apiVersion: 'v1' },
  type: 'Normal',
  reason: 'Created',
  ...fields,
});

const rows = [
  event('a', {}),
  event('b', { type: 'Warning', reason: 'BackOff' }),
  event('c', {
    type: 'Warning',
    reason: 'BackOff',
    involvedObject: { kind: 'Pod', name: 'web-1', apiVersion: 'v1' },
  }),
  event('d', {
    involvedObject: { kind: 'Deployment', name: 'api', apiVersion: 'apps/v1', namespace: 'demo' },
  }),
].map(eventRow);

describe('event filters', () => {
  it('keeps Warning events only for type=Warning, and one reason for reason=', () => {
    expect(filterEvents(rows, { type: 'Warning' }).map((r) => r.name)).toEqual(['b', 'c']);
    expect(filterEvents(rows, { reason: 'Created' }).map((r) => r.name)).toEqual(['a', 'd']);
  });

  it('matches OBJECT by its kind/name start, case-insensitively', () => {
    expect(filterEvents(rows, { object: 'pod/api' }).map((r) => r.name)).toEqual(['a', 'b']);
    expect(filterEvents(rows, { object: 'Deployment/' }).map((r) => r.name)).toEqual(['d']);
    expect(filterEvents(rows, { object: 'pod/', type: 'Warning', reason: 'BackOff' })).toHaveLength(2);
  });

  it('offers reasons most frequent first', () => {
    expect(reasonCounts(rows)).toEqual([
      ['BackOff', 2],
      ['Created', 2],
    ]);
  });
});

describe('the OBJECT link', () => {
  it('leads to the page of a kind the dashboard shows, in the object’s namespace', () => {
    expect(targetPath(rows[3]?.target, 'other')).toBe('/deployments/demo/api?ns=demo');
  });

  it('leads a Node event (no apiVersion, as the node controller writes it) to the node page, keeping the namespace', () => {
    const row = eventRow(event('n', { involvedObject: { kind: 'Node', name: 'kwok-node-0' } }));
    expect(targetPath(row.target, 'demo')).toBe('/nodes/kwok-node-0?ns=demo');
  });

  it('is no link for a kind without a page, a custom resource of the same kind name, or a nameless object', () => {
    const ns = eventRow(
      event('x', { involvedObject: { kind: 'Namespace', name: 'demo', apiVersion: 'v1' } }),
    );
    const custom = eventRow(
      event('y', {
        involvedObject: { kind: 'Pod', name: 'p', apiVersion: 'example.com/v1', namespace: 'demo' },
      }),
    );
    const nameless = eventRow(event('z', { involvedObject: { kind: 'Pod' } }));
    expect([ns, custom, nameless].map((r) => targetPath(r.target, 'demo'))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('keeps a hostile object name inside the path: never a javascript: URL', () => {
    const row = eventRow(
      event('h', {
        involvedObject: { kind: 'Pod', name: 'javascript:alert(1)', apiVersion: 'v1', namespace: 'demo' },
      }),
    );
    expect(targetPath(row.target, undefined)).toBe('/pods/demo/javascript%3Aalert(1)?ns=demo');
  });
});
