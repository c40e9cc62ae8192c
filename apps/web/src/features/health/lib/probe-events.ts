/**
 * Probe-related Events of a pod, grouped per container and probe type; and its back-offs, which
 * belong with the container's restarts (the kubelet waits before restarting a crashed container
 * whatever killed it: a probe, an exit, an OOM kill).
 */
import type { CoreV1Event } from '@kubernetes/client-node';
import { toDate } from '@wheelhouse/core';

export const PROBE_EVENT_REASONS = new Set(['Unhealthy', 'ProbeWarning', 'Killing']);
/** The kubelet's "Back-off restarting failed container" (kubelet events.BackOffStartContainer). */
export const BACK_OFF = 'BackOff';

export interface ProbeEventGroup {
  key: string;
  container: string;
  /** readiness | liveness | startup, or "—" when the event names no probe (a plain Killing). */
  probe: string;
  reason: string;
  count: number;
  lastMessage: string;
  last: number | undefined;
}

/** `spec.containers{api}` → `api`. */
export function containerOfFieldPath(fieldPath: string | undefined): string | undefined {
  return fieldPath ? /\{([^}]+)\}/.exec(fieldPath)?.[1] : undefined;
}

/** Which probe an event's message is about, as the kubelet words it. */
export function probeOfMessage(message: string): string {
  const m =
    /\b(Readiness|Liveness|Startup) probe\b/i.exec(message) ??
    /failed (readiness|liveness|startup) probe/i.exec(message);
  return m?.[1] ? m[1].toLowerCase() : '—';
}

function lastTime(e: CoreV1Event): number | undefined {
  return (
    toDate(e.series?.lastObservedTime)?.getTime() ??
    toDate(e.lastTimestamp)?.getTime() ??
    toDate(e.eventTime)?.getTime() ??
    toDate(e.firstTimestamp)?.getTime() ??
    toDate(e.metadata?.creationTimestamp)?.getTime()
  );
}

function containerOf(e: CoreV1Event): string {
  return (
    containerOfFieldPath(e.involvedObject?.fieldPath) ??
    /container "?([a-z0-9-]+)"?/i.exec(e.message ?? '')?.[1] ??
    '—'
  );
}

export interface BackOff {
  count: number;
  last: number | undefined;
  message: string;
}

/** The pod's BackOff Events per container: how often the kubelet held a restart back, and when last. */
export function backOffsByContainer(events: Iterable<CoreV1Event>): Map<string, BackOff> {
  const out = new Map<string, BackOff>();
  for (const e of events) {
    if (e.reason !== BACK_OFF) continue;
    const container = containerOf(e);
    const count = e.series?.count ?? e.count ?? 1;
    const t = lastTime(e);
    const seen = out.get(container);
    if (seen === undefined) out.set(container, { count, last: t, message: e.message ?? '' });
    else {
      seen.count += count;
      if ((t ?? 0) >= (seen.last ?? 0)) {
        seen.last = t;
        seen.message = e.message ?? '';
      }
    }
  }
  return out;
}

export function groupProbeEvents(events: Iterable<CoreV1Event>): ProbeEventGroup[] {
  const groups = new Map<string, ProbeEventGroup>();
  for (const e of events) {
    const reason = e.reason ?? '';
    if (!PROBE_EVENT_REASONS.has(reason)) continue;
    const message = e.message ?? '';
    const container = containerOf(e);
    const probe = probeOfMessage(message);
    const key = `${container}\u0000${probe}\u0000${reason}`;
    const count = e.series?.count ?? e.count ?? 1;
    const t = lastTime(e);
    const g = groups.get(key);
    if (g === undefined) {
      groups.set(key, { key, container, probe, reason, count, lastMessage: message, last: t });
    } else {
      g.count += count;
      if ((t ?? 0) >= (g.last ?? 0)) {
        g.last = t;
        g.lastMessage = message;
      }
    }
  }
  return [...groups.values()].sort(
    (a, b) =>
      a.container.localeCompare(b.container) ||
      a.probe.localeCompare(b.probe) ||
      (b.last ?? 0) - (a.last ?? 0),
  );
}
