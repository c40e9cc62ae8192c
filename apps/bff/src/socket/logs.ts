import { LogsRequest, LogsStopRequest, WorkloadLogsRequest } from '@wheelhouse/shared-types';
import type { Logger } from 'pino';
import { HttpError } from '../http/errors';
import { canonicalSelector, parseInput } from '../http/validate';
import type { Callers } from '../kube/callers';
import { LogStreams } from '../logs/pod-logs';
import type { UpstreamGauge } from '../logs/upstream';
import { WorkloadLogs, type WorkloadLogsLimits } from '../logs/workload-logs';
import type { WatchHub } from '../watch/hub';
import type { Quota } from './quotas';
import { refusal, replyOf, type WhServer, type WhSocket } from './server';

export interface LogHandlerDeps {
  callers: Callers;
  hub: WatchHub;
  log: Logger;
  /** The socket's unflushed packets (trackBacklog). */
  backlog: () => number;
  /** Open pods/log requests (the `wheelhouse_log_upstreams` gauge). */
  upstreams: UpstreamGauge;
  /** Informer subscriptions per caller identity (a workload view holds one). */
  perCaller: Quota;
  workloadLimits?: WorkloadLogsLimits;
}

/** A workload view's request, normalised: a selector that parses, in canonical form, not empty. */
export function parseWorkloadLogs(raw: unknown): WorkloadLogsRequest {
  const req = { ...parseInput(WorkloadLogsRequest, raw, 'workload logs request', null) };
  req.labelSelector = canonicalSelector(req.labelSelector);
  if (!req.labelSelector) {
    throw new HttpError(400, 'BadRequest', 'a workload is picked by a label selector: it is empty', {
      field: 'labelSelector',
    });
  }
  return req;
}

/**
 * `logsStart` / `workloadLogsStart` / `logsStop`: `kubectl logs` of one container, or of every pod a
 * selector picks (following them), streamed over the tab's socket as the caller (RBAC on pods/log
 * decides). Streams end on request, when the log ends, and on disconnect.
 */
export function registerLogHandlers(_io: WhServer, socket: WhSocket, deps: LogHandlerDeps): void {
  const { callers, log } = deps;
  const logs = new LogStreams(
    {
      emitLines: (p) => socket.emit('logLines', p),
      emitEnd: (p) => socket.emit('logEnd', p),
      backlog: deps.backlog,
    },
    undefined,
    deps.upstreams,
  );
  const workloads = new WorkloadLogs(
    {
      emitLines: (p) => socket.emit('workloadLogLines', p),
      emitPods: (p) => socket.emit('workloadLogPods', p),
      backlog: deps.backlog,
    },
    { hub: deps.hub, gauge: deps.upstreams, perCaller: deps.perCaller },
    deps.workloadLimits,
  );

  socket.on('logsStart', async (raw, ack) => {
    if (typeof ack !== 'function') return;
    try {
      const req = parseInput(LogsRequest, raw, 'logs request', null);
      const { kc } = callers.resolve(socket.handshake.headers, req.context);
      const streamId = await logs.start(kc, req);
      if (socket.disconnected) logs.stop(streamId);
      else ack({ ok: true, streamId });
    } catch (err) {
      ack(refusal(err, log, { event: 'logsStart' }));
    }
  });

  socket.on('workloadLogsStart', async (raw, ack) => {
    if (typeof ack !== 'function') return;
    try {
      const req = parseWorkloadLogs(raw);
      const { kc, identity } = callers.resolve(socket.handshake.headers, req.context);
      const res = await workloads.start(kc, identity, req);
      if (socket.disconnected) workloads.stop(res.streamId);
      else ack(res);
    } catch (err) {
      ack(refusal(err, log, { event: 'workloadLogsStart' }));
    }
  });

  socket.on('logsStop', (raw, ack) => {
    const reply = replyOf(ack);
    try {
      const { streamId } = parseInput(LogsStopRequest, raw, 'logsStop request', null);
      if (!logs.stop(streamId) && !workloads.stop(streamId)) {
        throw new HttpError(404, 'NotFound', `no log stream ${streamId}`);
      }
      reply({ ok: true });
    } catch (err) {
      reply(refusal(err, log, { event: 'logsStop' }));
    }
  });

  socket.on('disconnect', () => {
    logs.closeAll();
    workloads.closeAll();
  });
}
