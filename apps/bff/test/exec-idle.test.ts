/**
 * An idle shell outlives the idle timeouts of whatever sits between the browser and the BFF (an
 * Ingress, a load balancer) and between the BFF and the apiserver. Both hops go through a TCP proxy
 * here that cuts any connection idle for IDLE_MS, as nginx's proxy_read_timeout or a cloud load
 * balancer does (60 s and more in the field: the test scales everything down so `make test` stays
 * short — the pings come every PING_MS, through WHEELHOUSE_EXEC_PING_MS and WHEELHOUSE_SOCKET_PING_MS).
 * The control case turns the apiserver pings off: the proxy then cuts the idle shell, which ends
 * with a message instead of hanging.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import { createTestNamespace, ensureCluster } from '@wheelhouse/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShellPod, csrfOf, idleCuttingProxy, kubeconfigThrough, ShellClient } from './exec-support';
import { connect, startBff } from './support';

const IDLE_MS = 1500;
const PING_MS = 400;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('an idle shell and the idle timeouts of proxies on both hops', () => {
  let kc: KubeConfig;
  let ns: { name: string; cleanup(): Promise<void> };
  let apiProxy: Awaited<ReturnType<typeof idleCuttingProxy>>;
  let kubeconfig: string;
  const pod = 'idle';

  beforeAll(async () => {
    const cluster = await ensureCluster();
    kc = cluster.kc;
    ns = await createTestNamespace(kc, 'bff-exec-idle');
    await createShellPod(kc, ns.name, pod);
    const server = new URL(kc.getCurrentCluster()?.server ?? '');
    apiProxy = await idleCuttingProxy({ host: server.hostname, port: Number(server.port) }, IDLE_MS);
    kubeconfig = kubeconfigThrough(cluster.kubeconfigPath, apiProxy.port);
  });
  afterAll(async () => {
    await apiProxy?.close();
    await ns?.cleanup();
  });

  /** A BFF behind an idle-cutting proxy, talking to the apiserver through the other one. */
  async function bffBehindProxies(execPingMs: number) {
    const { app, url } = await startBff({
      env: {
        KUBECONFIG: kubeconfig,
        WHEELHOUSE_EXEC_PING_MS: String(execPingMs),
        WHEELHOUSE_SOCKET_PING_MS: String(PING_MS),
      },
    });
    const { port } = new URL(url);
    const front = await idleCuttingProxy({ host: '127.0.0.1', port: Number(port) }, IDLE_MS);
    const via = `http://127.0.0.1:${front.port}`;
    const client = new ShellClient(await connect(via), await csrfOf(via));
    return {
      client,
      async close() {
        client.socket.close();
        await front.close();
        await app.close();
      },
    };
  }

  it(`stays usable after ${(3 * IDLE_MS) / 1000} s of silence: both hops are kept busy by pings`, async () => {
    const cutsBefore = apiProxy.cuts();
    const { client, close } = await bffBehindProxies(PING_MS);
    try {
      const { sessionId } = await client.open({ namespace: ns.name, pod, container: 'app', command: ['sh'] });
      await client.type(sessionId, 'echo ready\r');
      await client.waitForOutput(sessionId, /[\r\n]ready\r\n/);
      await sleep(3 * IDLE_MS);
      expect(client.ends.get(sessionId)).toBeUndefined();
      expect(client.socket.connected).toBe(true);
      await client.type(sessionId, 'echo $((6*7))\r');
      await client.waitForOutput(sessionId, /[\r\n]42\r\n/);
      // The proxy did cut other idle connections meanwhile (the BFF's idle watches): it really cuts.
      expect(apiProxy.cuts()).toBeGreaterThan(cutsBefore);
    } finally {
      await close();
    }
  });

  it('without pings to the apiserver the idle shell is cut, and the session ends saying so', async () => {
    const { client, close } = await bffBehindProxies(0);
    try {
      const { sessionId } = await client.open({ namespace: ns.name, pod, container: 'app', command: ['sh'] });
      await client.type(sessionId, 'echo ready\r');
      await client.waitForOutput(sessionId, /[\r\n]ready\r\n/);
      const end = await client.waitForEnd(sessionId, 6 * IDLE_MS);
      expect(end.reason).toBe('error');
      expect(end.message).toBeTruthy();
      expect(client.socket.connected).toBe(true); // the browser's hop was kept alive all along
    } finally {
      await close();
    }
  });
});
