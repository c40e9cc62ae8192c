/**
 * Node and Event cells against objects captured from the real local cluster (tools/cluster, Kubernetes
 * 1.36 + KWOK): `kubectl get nodes -o json` / `kubectl get events -n default -o json` saved as
 * fixtures/captured-{nodes-wide,events-default}.json, and what `kubectl get … -o wide` printed right
 * after as the matching .printed.json (with the capture interval, so ages can be recomputed).
 * Shaped on a private cluster: kwok-node-1 cordoned and labelled node-role.kubernetes.io/control-plane;
 * bare-node created by hand with a NotReady condition, two InternalIPs, an ExternalIP and nodeInfo
 * (architecture arm64); empty-node created with no status at all; Events created through core/v1
 * (count 3 with first/last timestamps, markup in reason and message, an involvedObject without a name)
 * and events.k8s.io/v1 (a series of 4, a singleton with only eventTime), next to the controllers' own.
 */
import type { CoreV1Event, V1Node } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import {
  eventCount,
  eventFirstSeen,
  eventLastSeen,
  eventMessage,
  eventObjectText,
  eventSource,
  formatAge,
  nodeAddress,
  nodeInfoCells,
  nodeRoles,
  nodeStatus,
} from '../src/index';
import events from './fixtures/captured-events-default.json';
import eventsPrinted from './fixtures/captured-events-default.printed.json';
import nodes from './fixtures/captured-nodes-wide.json';
import nodesPrinted from './fixtures/captured-nodes-wide.printed.json';

/** kubectl's table as rows of cells, split at the header's column starts; plus the capture interval. */
function parseTable(printed: { printedBetween: string[]; lines: string[] }) {
  const [header = '', ...lines] = printed.lines;
  const [from = '', to = ''] = printed.printedBetween;
  const starts = [...header.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ name: m[0], at: m.index ?? 0 }));
  const rows = lines.map((line) =>
    Object.fromEntries(
      starts.map((col, i) => [col.name, line.slice(col.at, starts[i + 1]?.at ?? line.length).trim()]),
    ),
  );
  return { rows, from: new Date(from), to: new Date(to) };
}

/** An age kubectl printed somewhere in the capture interval. */
function ageMatches(printed: string, date: Date | undefined, from: Date, to: Date): boolean {
  if (date === undefined) return printed === '<unknown>';
  return printed === formatAge(date, from) || printed === formatAge(date, to);
}

describe('nodes, as kubectl get nodes -o wide printed them', () => {
  const table = parseTable(nodesPrinted);
  const byName = new Map((nodes.items as unknown as V1Node[]).map((n) => [n.metadata?.name, n]));

  it('has every printed node in the captured list', () => {
    expect(table.rows.map((r) => r.NAME)).toEqual(['bare-node', 'empty-node', 'kwok-node-0', 'kwok-node-1']);
    for (const row of table.rows) expect(byName.has(row.NAME)).toBe(true);
  });

  it.each(table.rows.map((r) => [r.NAME, r] as const))(
    '%s: every cell as kubectl printed it',
    (name, row) => {
      const node = byName.get(name) as V1Node;
      const info = nodeInfoCells(node);
      expect({
        STATUS: nodeStatus(node),
        ROLES: nodeRoles(node),
        VERSION: info.version,
        'INTERNAL-IP': nodeAddress(node, 'InternalIP'),
        'EXTERNAL-IP': nodeAddress(node, 'ExternalIP'),
        'OS-IMAGE': info.osImage,
        'KERNEL-VERSION': info.kernelVersion,
        'CONTAINER-RUNTIME': info.containerRuntime,
      }).toEqual({
        STATUS: row.STATUS,
        ROLES: row.ROLES,
        VERSION: row.VERSION,
        'INTERNAL-IP': row['INTERNAL-IP'],
        'EXTERNAL-IP': row['EXTERNAL-IP'],
        'OS-IMAGE': row['OS-IMAGE'],
        'KERNEL-VERSION': row['KERNEL-VERSION'],
        'CONTAINER-RUNTIME': row['CONTAINER-RUNTIME'],
      });
      expect(
        ageMatches(row.AGE ?? '', new Date(node.metadata?.creationTimestamp ?? ''), table.from, table.to),
      ).toBe(true);
    },
  );

  it('prints the cordoned node as Ready,SchedulingDisabled and merges both role labels, sorted', () => {
    const node = byName.get('kwok-node-1') as V1Node;
    expect(nodeStatus(node)).toBe('Ready,SchedulingDisabled');
    expect(nodeRoles(node)).toBe('agent,control-plane');
  });

  it('takes the first InternalIP of two, and NotReady for a Ready condition that is False', () => {
    const node = byName.get('bare-node') as V1Node;
    expect(nodeAddress(node, 'InternalIP')).toBe('10.1.2.3');
    expect(nodeStatus(node)).toBe('NotReady');
  });

  it('ignores an empty node-role.kubernetes.io/ suffix and an empty kubernetes.io/role', () => {
    const node: V1Node = {
      metadata: {
        labels: {
          'node-role.kubernetes.io/': '',
          'kubernetes.io/role': '',
          'node-role.kubernetes.io/b': 'x',
        },
      },
    };
    expect(nodeRoles(node)).toBe('b');
  });
});

describe('events, as kubectl get events -o wide printed them', () => {
  const table = parseTable(eventsPrinted);
  const items = events.items as unknown as CoreV1Event[];

  it('prints one row per captured event, in the list order', () => {
    expect(table.rows).toHaveLength(items.length);
  });

  it.each(items.map((e, i) => [e.metadata?.name ?? '', e, i] as const))(
    '%s: OBJECT, MESSAGE, SOURCE, COUNT, LAST SEEN and FIRST SEEN',
    (_name, event, i) => {
      const row = table.rows[i] ?? {};
      expect(eventObjectText(event)).toBe(row.OBJECT);
      expect(eventMessage(event)).toBe(row.MESSAGE);
      expect(eventSource(event)).toBe(row.SOURCE);
      expect(String(eventCount(event))).toBe(row.COUNT);
      expect(ageMatches(row['LAST SEEN'] ?? '', eventLastSeen(event), table.from, table.to)).toBe(true);
      expect(ageMatches(row['FIRST SEEN'] ?? '', eventFirstSeen(event), table.from, table.to)).toBe(true);
    },
  );

  const byName = (prefix: string) => items.find((e) => e.metadata?.name?.startsWith(prefix)) as CoreV1Event;

  it('counts a series by its count and last observed time, not its eventTime', () => {
    const series = byName('probe.series');
    expect(eventCount(series)).toBe(4);
    expect(eventLastSeen(series)?.toISOString()).toBe('2026-11-29T21:08:00.000Z');
    expect(eventFirstSeen(series)?.toISOString()).toBe('2026-11-29T20:59:15.000Z');
  });

  it('falls back to eventTime for an events.k8s.io singleton, which counts 1', () => {
    const single = byName('single.eventtime');
    expect(eventLastSeen(single)?.toISOString()).toBe('2026-11-29T20:59:15.000Z');
    expect(eventCount(single)).toBe(1);
  });

  it('last-sees an event without lastTimestamp at its firstTimestamp, and names a nameless object by kind', () => {
    const nameless = byName('nameless.object');
    expect(eventLastSeen(nameless)?.toISOString()).toBe('2026-11-29T21:06:15.000Z');
    expect(eventObjectText(nameless)).toBe('namespace');
  });

  it('has no last-seen time when the event carries no time at all (kubectl: <unknown>)', () => {
    expect(eventLastSeen({ involvedObject: {}, metadata: {} })).toBeUndefined();
  });
});
