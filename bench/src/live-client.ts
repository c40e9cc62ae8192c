/**
 * What one browser-protocol client knows of one subscription: namespace/name → resourceVersion, kept
 * the way the web client's reducers keep it (snapshot, then ADDED/MODIFIED/DELETED, a resync replaces
 * everything), and when each (name, resourceVersion) reached it. Only names and resourceVersions are
 * read, so it works for full objects and slim rows alike; resourceVersions are compared for equality only.
 */
import type { BenchSocket } from './bff';
import { subscribe } from './bff';

interface Meta {
  metadata?: { name?: string; namespace?: string; resourceVersion?: string };
}

const keyOf = (o: Meta) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

export class LiveClient {
  readonly state = new Map<string, string>();
  /** `key@resourceVersion` → when it arrived (performance.timeOrigin + now, like the patcher's stamps). */
  readonly arrivals = new Map<string, number>();
  resyncs = 0;
  private subId = '';
  /**
   * What came before `subscribe` resolved (it waits for a progressive snapshot's last page): its
   * pages, or the resync that replaces them when the LIST had to start over.
   */
  private early: Array<() => void> = [];

  constructor(readonly socket: BenchSocket) {
    socket.on('events', ({ subId, batch }) => {
      if (this.subId === '') this.early.push(() => subId === this.subId && this.apply(batch));
      else if (subId === this.subId) this.apply(batch);
    });
    socket.on('resync', ({ subId, items }) => {
      if (this.subId === '') this.early.push(() => subId === this.subId && this.resync(items));
      else if (subId === this.subId) this.resync(items);
    });
  }

  async subscribe(req: Parameters<typeof subscribe>[1], timeoutMs?: number): Promise<void> {
    const ack = await subscribe(this.socket, req, timeoutMs);
    this.subId = ack.subId;
    for (const o of ack.items as Meta[]) this.state.set(keyOf(o), o.metadata?.resourceVersion ?? '');
    for (const replay of this.early.splice(0)) replay();
  }

  private resync(items: unknown[]): void {
    this.resyncs++;
    this.state.clear();
    for (const o of items as Meta[]) this.state.set(keyOf(o), o.metadata?.resourceVersion ?? '');
  }

  private apply(batch: Array<{ type: string; object: unknown }>): void {
    const at = performance.timeOrigin + performance.now();
    for (const e of batch) {
      const o = e.object as Meta;
      const key = keyOf(o);
      if (e.type === 'DELETED') this.state.delete(key);
      else this.state.set(key, o.metadata?.resourceVersion ?? '');
      this.arrivals.set(`${key}@${o.metadata?.resourceVersion ?? ''}`, at);
    }
  }

  /** Differences from `truth` (namespace/name → resourceVersion of a fresh LIST), at most `limit`. */
  diff(truth: Map<string, string>, limit = 3): string[] {
    const out: string[] = [];
    for (const [k, rv] of truth) {
      if (out.length >= limit) break;
      const mine = this.state.get(k);
      if (mine !== rv) out.push(mine === undefined ? `missing ${k}` : `${k} at ${mine}, LIST says ${rv}`);
    }
    for (const k of this.state.keys()) {
      if (out.length >= limit) break;
      if (!truth.has(k)) out.push(`extra ${k}`);
    }
    return out;
  }
}
