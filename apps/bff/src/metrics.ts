import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { WatchHub } from './watch/hub';

/** prom-client metrics of one BFF instance (a registry per app, so tests can run several). */
export function createMetrics(hub: WatchHub) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'wheelhouse_' });
  const informers = new Gauge({
    name: 'wheelhouse_informers',
    help: 'Shared informers (one list+watch each) by kind',
    labelNames: ['kind'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [kind, n] of Object.entries(hub.stats().byKind)) this.set({ kind }, n);
    },
  });
  const subscribers = new Gauge({
    name: 'wheelhouse_subscriptions',
    help: 'Live subscriptions across all sockets',
    registers: [registry],
    collect() {
      this.set(hub.stats().subscribers);
    },
  });
  const narrowed = new Gauge({
    name: 'wheelhouse_narrowed_subscriptions',
    help: 'Subscriptions served by filtering a wider informer already running (no watch of their own)',
    registers: [registry],
    collect() {
      this.set(hub.stats().narrowed);
    },
  });
  const sockets = new Gauge({ name: 'wheelhouse_sockets', help: 'Connected sockets', registers: [registry] });
  const logUpstreams = new Gauge({
    name: 'wheelhouse_log_upstreams',
    help: 'Open pods/log requests to the apiserver (pod and workload log streams)',
    registers: [registry],
  });
  const eventsSent = new Counter({
    name: 'wheelhouse_events_sent_total',
    help: 'Watch events sent to sockets (after coalescing)',
    registers: [registry],
  });
  const resyncs = new Counter({
    name: 'wheelhouse_resyncs_total',
    help: 'Full resyncs sent to subscribers',
    labelNames: ['reason'],
    registers: [registry],
  });
  const queueDrops = new Counter({
    name: 'wheelhouse_queue_drops_total',
    help: 'Subscription buffers dropped because a socket fell behind',
    registers: [registry],
  });
  const relists = new Gauge({
    name: 'wheelhouse_informer_relists',
    help: 'LIST calls made by live informers (first sync included)',
    registers: [registry],
    collect() {
      this.set(hub.informers().reduce((n, i) => n + i.relists, 0));
    },
  });
  const apiLatency = new Histogram({
    name: 'wheelhouse_apiserver_request_seconds',
    help: 'Latency of one-shot apiserver requests made by the BFF',
    labelNames: ['verb', 'code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const execSessions = new Gauge({
    name: 'wheelhouse_exec_sessions',
    help: 'Open pods/exec connections to the apiserver (one per shell; probes for a shell included)',
    registers: [registry],
  });
  return {
    registry,
    execSessions,
    informers,
    subscribers,
    narrowed,
    sockets,
    logUpstreams,
    eventsSent,
    resyncs,
    queueDrops,
    relists,
    apiLatency,
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
