import type { KubeConfig, KubernetesObject, V1Pod } from '@kubernetes/client-node';
import { sortLogLinesByTime, splitLogTimestamp } from '@wheelhouse/core';
import type {
  LogPodCap,
  WatchEventType,
  WorkloadLogLine,
  WorkloadLogLinesPayload,
  WorkloadLogPod,
  WorkloadLogPodsPayload,
  WorkloadLogsRequest,
} from '@wheelhouse/shared-types';
import { toErrorBody } from '../http/errors';
import type { InformerListener } from '../watch/shared-informer';
import { LineSplitter } from './lines';
import { pickStreamed, podView, sameView, startedContainers } from './roster';
import { openPodLog, type UpstreamGauge } from './upstream';

export interface WorkloadOutlet {
  emitLines(p: WorkloadLogLinesPayload): void;
  emitPods(p: WorkloadLogPodsPayload): void;
  /** Unflushed packets on the socket (the measure the live lists and pod logs use). */
  backlog(): number;
}

export interface WorkloadLimits {
  tickMs: number;
  /** Lines held for one view while the browser is behind; the oldest go first. */
  maxPendingLines: number;
  maxBacklog: number;
  /** Pods streamed at once by one view; more wait (and the view says so). */
  maxPods: number;
}

/** One container's log in the view: one pods/log request, or none while its container waits. */
interface Tail {
  instance: string;
  controller: AbortController;
}

/**
 * One workload log view: the pods its selector picks, from the shared informer it listens to (it is
 * an InformerListener of the WatchHub), each streamed container by container as the caller, lines
 * merged by time per tick. A pod that joins is read from its first line; a pod that goes away is
 * announced and its requests aborted; a container that restarts is read again from its new start.
 */
export class WorkloadLogStream implements InformerListener {
  private readonly matched = new Map<string, V1Pod>();
  /** Streamed pods: what the browser was last told about each, and their containers' requests. */
  private readonly streamed = new Map<string, { view: WorkloadLogPod; tails: Map<string, Tail> }>();
  private readonly only: ReadonlySet<string> | undefined;
  private capped: LogPodCap | undefined;
  private pending: WorkloadLogLine[] = [];
  private dropped = 0;
  /** Roster changes not sent yet (sent with the next tick's lines). */
  private readonly changes: {
    joined: Map<string, WorkloadLogPod>;
    updated: Map<string, WorkloadLogPod>;
    gone: Set<string>;
  } = { joined: new Map(), updated: new Map(), gone: new Set() };
  private cappedChanged = false;
  private timer: NodeJS.Timeout | undefined;
  private begun = false;
  stopped = false;

  constructor(
    readonly id: string,
    private readonly kc: KubeConfig,
    private readonly req: WorkloadLogsRequest,
    private readonly outlet: WorkloadOutlet,
    private readonly limits: WorkloadLimits,
    private readonly gauge: UpstreamGauge,
  ) {
    this.only = req.containers ? new Set(req.containers) : undefined;
  }

  /**
   * Starts from the informer's snapshot: the pods streamed now (and the cap, if any). Containers
   * running already are read with the request's tail/since; everything that starts later from its
   * first line.
   */
  begin(items: KubernetesObject[]): { pods: WorkloadLogPod[]; capped?: LogPodCap } {
    for (const pod of items as V1Pod[]) this.matched.set(pod.metadata?.name ?? '', pod);
    this.begun = true;
    this.reconcile(true);
    // The ack carries the first roster: nothing of it is sent again as a change.
    this.changes.joined.clear();
    this.changes.updated.clear();
    this.cappedChanged = false;
    return {
      pods: [...this.streamed.values()].map((s) => s.view),
      ...(this.capped ? { capped: this.capped } : {}),
    };
  }

  onEvent(type: WatchEventType, obj: KubernetesObject): void {
    const name = obj.metadata?.name ?? '';
    if (type === 'DELETED') this.matched.delete(name);
    else this.matched.set(name, obj as V1Pod);
    if (this.begun) this.reconcile(false);
  }

  onResync(items: KubernetesObject[]): void {
    this.matched.clear();
    for (const pod of items as V1Pod[]) this.matched.set(pod.metadata?.name ?? '', pod);
    if (this.begun) this.reconcile(false);
  }

  onStatus(): void {
    // The informer reconnects by itself; the pods it reports after a relist arrive as a resync.
  }

  private reconcile(initial: boolean): void {
    if (this.stopped) return;
    const { names, capped } = pickStreamed(
      new Set(this.streamed.keys()),
      this.matched.values(),
      this.limits.maxPods,
    );
    const wanted = new Set(names);
    for (const name of [...this.streamed.keys()]) {
      if (!wanted.has(name)) this.leave(name);
    }
    for (const name of names) {
      const pod = this.matched.get(name);
      if (!pod) continue;
      const view = podView(pod, this.only);
      const current = this.streamed.get(name);
      if (!current) {
        this.streamed.set(name, { view, tails: new Map() });
        this.changes.gone.delete(name);
        this.changes.joined.set(name, view);
      } else if (!sameView(current.view, view)) {
        current.view = view;
        if (this.changes.joined.has(name)) this.changes.joined.set(name, view);
        else this.changes.updated.set(name, view);
      }
      this.follow(pod, initial);
    }
    if (JSON.stringify(capped) !== JSON.stringify(this.capped)) this.cappedChanged = true;
    this.capped = capped;
    if (
      this.changes.joined.size + this.changes.updated.size + this.changes.gone.size > 0 ||
      this.cappedChanged
    )
      this.schedule();
  }

  private leave(name: string): void {
    const s = this.streamed.get(name);
    if (!s) return;
    for (const tail of s.tails.values()) tail.controller.abort();
    this.streamed.delete(name);
    this.changes.joined.delete(name);
    this.changes.updated.delete(name);
    this.changes.gone.add(name);
  }

  /** Opens a request for each container of `pod` that has a (new) log to read. */
  private follow(pod: V1Pod, initial: boolean): void {
    const name = pod.metadata?.name ?? '';
    const s = this.streamed.get(name);
    if (!s) return;
    for (const [container, instance] of startedContainers(pod, this.only)) {
      const tail = s.tails.get(container);
      if (tail?.instance === instance) continue;
      // A restarted container: its old request ends with the old instance; read the new one whole.
      tail?.controller.abort();
      this.open(name, container, instance, s.tails, initial && !tail);
    }
  }

  private open(pod: string, container: string, instance: string, tails: Map<string, Tail>, limited: boolean) {
    const tail: Tail = { instance, controller: new AbortController() };
    tails.set(container, tail);
    const { signal } = tail.controller;
    const query = {
      container,
      follow: this.req.follow,
      timestamps: true,
      ...(limited ? { tailLines: this.req.tailLines, sinceSeconds: this.req.sinceSeconds } : {}),
    };
    openPodLog(this.kc, this.req.namespace, pod, query, signal, this.gauge).then(
      ({ body }) => {
        if (signal.aborted) {
          body.destroy();
          return;
        }
        signal.addEventListener('abort', () => body.destroy(), { once: true });
        const splitter = new LineSplitter();
        const add = (lines: string[]) => {
          for (const line of lines) this.push({ pod, container, ...splitLogTimestamp(line) });
        };
        body.setEncoding('utf8');
        body.on('data', (chunk: string) => add(splitter.push(chunk)));
        body.on('end', () => add(splitter.end()));
        body.on('error', (err: Error) => {
          if (!signal.aborted) this.notice(pod, container, `the log stream broke: ${err.message}`);
        });
      },
      (err: unknown) => {
        if (signal.aborted) return;
        const error = toErrorBody(err);
        // The status said started but the apiserver saw it waiting: the next status change retries.
        if (error.code === 400 && error.message.includes('waiting to start')) {
          if (tails.get(container) === tail) tails.delete(container);
          return;
        }
        this.notice(pod, container, error.message);
      },
    );
  }

  private notice(pod: string, container: string, message: string): void {
    this.push({ pod, container, text: `[wheelhouse] ${pod}/${container}: ${message}`, notice: true });
  }

  private push(line: WorkloadLogLine): void {
    if (this.stopped) return;
    this.pending.push(line);
    const over = this.pending.length - this.limits.maxPendingLines;
    if (over > 0) {
      this.pending.splice(0, over);
      this.dropped += over;
    }
    this.schedule();
  }

  private schedule(): void {
    if (!this.timer && !this.stopped) this.timer = setTimeout(() => this.flush(), this.limits.tickMs);
  }

  flush(): void {
    this.timer = undefined;
    if (this.stopped) return;
    if (this.outlet.backlog() > this.limits.maxBacklog) {
      this.schedule();
      return;
    }
    if (this.pending.length > 0 || this.dropped > 0) {
      const lines = sortLogLinesByTime(this.pending);
      this.pending = [];
      if (this.dropped > 0) {
        const text = `[wheelhouse] ${this.dropped} earlier line(s) skipped: the browser fell behind the logs`;
        lines.unshift({ pod: '', container: '', text, notice: true });
        this.dropped = 0;
      }
      this.outlet.emitLines({ streamId: this.id, lines });
    }
    const { joined, updated, gone } = this.changes;
    if (joined.size + updated.size + gone.size > 0 || this.cappedChanged) {
      this.outlet.emitPods({
        streamId: this.id,
        joined: [...joined.values()],
        ...(updated.size > 0 ? { updated: [...updated.values()] } : {}),
        gone: [...gone],
        ...(this.capped ? { capped: this.capped } : {}),
      });
      joined.clear();
      updated.clear();
      gone.clear();
      this.cappedChanged = false;
    }
  }

  /** Aborts every request; nothing more is sent. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.streamed.values()) for (const tail of s.tails.values()) tail.controller.abort();
    this.streamed.clear();
  }
}
