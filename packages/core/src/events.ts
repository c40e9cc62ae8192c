/**
 * An Event's cells as `kubectl get events` prints them (kubernetes/kubernetes
 * pkg/printers/internalversion/printers.go: printEvent). Works on core/v1 Events, which is how the
 * apiserver serves events.k8s.io/v1 ones too (series, eventTime, reportingController kept).
 */
import type { CoreV1Event } from '@kubernetes/client-node';
import { toDate } from './age';

/**
 * When the event was last seen, as LAST SEEN counts it: `series.lastObservedTime` for an event
 * series; else `lastTimestamp`; else the first-seen time (`firstTimestamp`, else `eventTime`).
 * Undefined when none is set (kubectl prints `<unknown>`).
 */
export function eventLastSeen(event: CoreV1Event): Date | undefined {
  if (event.series) return toDate(event.series.lastObservedTime);
  return toDate(event.lastTimestamp) ?? eventFirstSeen(event);
}

/** FIRST SEEN: `firstTimestamp`, else `eventTime` (events written through events.k8s.io/v1). */
export function eventFirstSeen(event: CoreV1Event): Date | undefined {
  return toDate(event.firstTimestamp) ?? toDate(event.eventTime);
}

/** COUNT: the series' count, else `count`; a singleton of the new API has none and counts 1. */
export function eventCount(event: CoreV1Event): number {
  if (event.series) return event.series.count ?? 0;
  return event.count || 1;
}

/** OBJECT: `<kind>/<name>` with the kind lower-cased, or the kind alone when the name is empty. */
export function eventObjectText(event: CoreV1Event): string {
  const { kind = '', name = '' } = event.involvedObject ?? {};
  return name.length > 0 ? `${kind.toLowerCase()}/${name}` : kind.toLowerCase();
}

/** MESSAGE, trimmed as kubectl trims it. */
export function eventMessage(event: CoreV1Event): string {
  return (event.message ?? '').trim();
}

/**
 * SOURCE (-o wide): formatEventSource — the legacy `source` component, else the reporting
 * controller (`reportingComponent` in core/v1), then `, <host or reporting instance>` when set.
 */
export function eventSource(event: CoreV1Event): string {
  const component = event.source?.component || event.reportingComponent || '';
  const instance = event.source?.host || event.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}
