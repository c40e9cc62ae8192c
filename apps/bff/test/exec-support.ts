import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import type { ExecEndPayload, ExecStartAck, ExecStartRequest } from '@wheelhouse/shared-types';
import { waitFor } from '@wheelhouse/testkit';
import type { ClientSocket } from './support';

/** What a browser's Shell tab holds: the output and the end of each session on one socket. */
export class ShellClient {
  readonly output = new Map<string, string>();
  readonly ends = new Map<string, ExecEndPayload>();
  /** When each output message arrived (ms, performance.now()), for latency measurements. */
  readonly arrivals: Array<{ sessionId: string; at: number; data: string }> = [];

  constructor(
    readonly socket: ClientSocket,
    private readonly csrf: string,
  ) {
    socket.on('execOutput', (p) => {
      this.arrivals.push({ sessionId: p.sessionId, at: performance.now(), data: p.data });
      this.output.set(p.sessionId, (this.output.get(p.sessionId) ?? '') + p.data);
    });
    socket.on('execEnd', (p) => this.ends.set(p.sessionId, p));
  }

  start(req: Omit<ExecStartRequest, 'csrf'> & { csrf?: string }): Promise<ExecStartAck> {
    return this.socket.timeout(30_000).emitWithAck('execStart', { csrf: this.csrf, ...req });
  }

  /** Starts a shell that must open, and returns its id. */
  async open(req: Omit<ExecStartRequest, 'csrf'>): Promise<{ sessionId: string; shell: string }> {
    const ack = await this.start(req);
    if (!ack.ok) throw new Error(`execStart refused: ${ack.error.code} ${ack.error.message}`);
    return ack;
  }

  type(sessionId: string, data: string) {
    return this.socket.timeout(10_000).emitWithAck('execInput', { sessionId, data });
  }

  text(sessionId: string): string {
    return this.output.get(sessionId) ?? '';
  }

  async waitForOutput(sessionId: string, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    try {
      return await waitFor(async () => pattern.test(this.text(sessionId)) && this.text(sessionId), {
        timeoutMs,
        intervalMs: 20,
        what: `${pattern} in session ${sessionId}`,
      });
    } catch (err) {
      throw new Error(
        `${(err as Error).message}; output ends ${JSON.stringify(this.text(sessionId).slice(-300))}`,
      );
    }
  }

  waitForEnd(sessionId: string, timeoutMs = 15_000): Promise<ExecEndPayload> {
    return waitFor(async () => this.ends.get(sessionId), {
      timeoutMs,
      intervalMs: 20,
      what: `session ${sessionId} to end`,
    });
  }
}

/** The session's CSRF token, as the page reads it from /api/session. */
export async function csrfOf(url: string, cookie?: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, cookie ? { headers: { Cookie: cookie } } : {});
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/** One gauge or counter of /metrics (no labels). */
export async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`no ${name} in /metrics`);
  return Number(line.split(' ')[1]);
}

export const EXEC_GAUGE = 'wheelhouse_exec_sessions';

/** Waits until the BFF holds `n` exec connections to the apiserver (closing ones take a moment). */
export function gaugeBackTo(url: string, n: number): Promise<true> {
  return waitFor(async () => (await metric(url, EXEC_GAUGE)) === n || undefined, {
    timeoutMs: 5000,
    intervalMs: 50,
    what: `${EXEC_GAUGE} to be ${n}`,
  });
}

/** A pod with two containers, Running (KWOK); exec runs a local process in the cluster's scratch dir. */
export async function createShellPod(kc: KubeConfig, namespace: string, name: string): Promise<void> {
  const core = kc.makeApiClient(CoreV1Api);
  await core.createNamespacedPod({
    namespace,
    body: {
      metadata: { name, labels: { app: name } },
      spec: {
        containers: [
          { name: 'app', image: 'registry.invalid/app:1' },
          { name: 'sidecar', image: 'registry.invalid/sidecar:1' },
        ],
      },
    },
  });
  await waitFor(async () => (await core.readNamespacedPod({ name, namespace })).status?.phase === 'Running', {
    timeoutMs: 60_000,
    intervalMs: 250,
    what: `pod ${name} to run`,
  });
}

/**
 * A TCP proxy on 127.0.0.1 that cuts any connection idle (no byte either way) for `idleMs`, as a
 * load balancer or an Ingress does (nginx's proxy_read_timeout, an ALB's idle timeout).
 */
export async function idleCuttingProxy(
  target: { host: string; port: number },
  idleMs: number,
): Promise<{ port: number; cuts: () => number; close(): Promise<void> }> {
  let cuts = 0;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    open.add(client).add(upstream);
    const cut = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const s of [client, upstream]) {
      s.setTimeout(idleMs, () => {
        cuts++;
        cut();
      });
      s.on('error', cut);
      s.on('close', () => {
        open.delete(s);
        cut();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    cuts: () => cuts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A copy of `kubeconfigPath` whose apiserver address is 127.0.0.1:`port` (the same TLS identity). */
export function kubeconfigThrough(kubeconfigPath: string, port: number): string {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  const clusters = kc.clusters.map((c) => {
    const url = new URL(c.server);
    url.port = String(port);
    return { ...c, server: url.toString().replace(/\/$/, '') };
  });
  const copy = new KubeConfig();
  copy.loadFromOptions({
    clusters,
    users: kc.users,
    contexts: kc.contexts,
    currentContext: kc.currentContext,
  });
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'wh-exec-')), 'kubeconfig');
  writeFileSync(file, copy.exportConfig(), { mode: 0o600 });
  return file;
}
