import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import type {
  WorkloadLogLine,
  WorkloadLogPodsPayload,
  WorkloadLogsAck,
  WorkloadLogsRequest,
} from '@wheelhouse/shared-types';
import { appendPodLog, createDeployment, kubectl, waitFor } from '@wheelhouse/testkit';
import { describe, expect, it } from 'vitest';
import { bffAndNamespace, type ClientSocket, connect, startBff } from './support';

/** Everything one socket receives for its workload views. */
function collect(socket: ClientSocket) {
  const lines: WorkloadLogLine[] = [];
  const batches: WorkloadLogLine[][] = [];
  const pods: WorkloadLogPodsPayload[] = [];
  socket.on('workloadLogLines', (p) => {
    lines.push(...p.lines);
    batches.push(p.lines);
  });
  socket.on('workloadLogPods', (p) => pods.push(p));
  return { lines, batches, pods };
}

/** The BFF's own count of open pods/log requests, from its /metrics as Prometheus scrapes it. */
async function upstreams(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const m = /^wheelhouse_log_upstreams (\d+)/m.exec(text);
  if (!m) throw new Error('no wheelhouse_log_upstreams in /metrics');
  return Number(m[1]);
}

async function runningPods(kc: KubeConfig, namespace: string, selector: string, count: number) {
  const core = kc.makeApiClient(CoreV1Api);
  return waitFor(
    async () => {
      const items = (await core.listNamespacedPod({ namespace, labelSelector: selector })).items;
      const running = items.filter((p) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp);
      return running.length === count && items.length === count
        ? running.map((p) => p.metadata?.name ?? '').sort()
        : undefined;
    },
    { timeoutMs: 90_000, intervalMs: 250, what: `${count} running pods of ${selector}` },
  );
}

const until = (what: string, fn: () => boolean, timeoutMs = 20_000) =>
  waitFor(async () => fn() || undefined, { timeoutMs, intervalMs: 100, what });

describe('workload logs: every pod of a selector, merged, following the pods (real pods/log via KWOK)', () => {
  const t = bffAndNamespace('bff-wlogs', {
    bff: { env: { WHEELHOUSE_MAX_LOG_PODS: '3' } },
    seed: async (kc, ns) => {
      await createDeployment(kc, ns.name, 'shop', { replicas: 3, image: 'registry.invalid/shop:1' });
    },
  });

  it('streams the three pods at once, prefixed and in time order; a rollout swaps the pods without a restart', async () => {
    const first = await runningPods(t.kc, t.ns.name, 'app=shop', 3);
    const socket = await connect(t.url);
    const got = collect(socket);
    try {
      const ack: WorkloadLogsAck = await socket.timeout(20_000).emitWithAck('workloadLogsStart', {
        namespace: t.ns.name,
        labelSelector: 'app = shop',
        follow: true,
        tailLines: 1,
        timestamps: false,
      });
      expect(ack.ok).toBe(true);
      if (!ack.ok) return;
      expect(ack.pods.map((p) => p.name).sort()).toEqual(first);
      expect(ack.pods.every((p) => p.phase === 'Running' && p.containers.join() === 'shop')).toBe(true);
      expect(ack.capped).toBeUndefined();
      await waitFor(async () => ((await upstreams(t.url)) === 3 ? true : undefined), {
        timeoutMs: 10_000,
        intervalMs: 100,
        what: 'one upstream per pod',
      });

      // Every pod's stream has begun (a warm-up line arrived from each), so KWOK follows all three before we write:
      // a line written while a stream was still opening would otherwise count as its tail or be missed.
      const warm = `warm-up-${Date.now()}`;
      await waitFor(
        async () => {
          if (new Set(got.lines.filter((l) => l.text.includes(warm)).map((l) => l.pod)).size === 3)
            return true;
          await appendPodLog(`INFO ${warm}`);
          return undefined;
        },
        { timeoutMs: 20_000, intervalMs: 1_000, what: 'a line from every pod (all three streams follow)' },
      );
      const a = `first-${t.ns.name}-${Date.now()}`;
      await appendPodLog(`INFO ${a}`);
      const b = `second-${t.ns.name}-${Date.now()}`;
      await appendPodLog(`INFO ${b}`);
      const mine = () => got.lines.filter((l) => l.text.includes(t.ns.name));
      await until('both lines from all three pods', () =>
        first.every((pod) => [a, b].every((m) => mine().some((l) => l.pod === pod && l.text.includes(m)))),
      );
      expect(mine()).toHaveLength(6);
      expect(new Set(mine().map((l) => l.pod))).toEqual(new Set(first));
      expect(mine().every((l) => l.container === 'shop' && /^\d{4}-\d\d-\d\dT/.test(l.ts ?? ''))).toBe(true);
      // Per pod, in the order written; in every batch, in time order across pods.
      for (const name of first) {
        expect(
          mine()
            .filter((l) => l.pod === name)
            .map((l) => l.text),
        ).toEqual([`INFO ${a}`, `INFO ${b}`]);
      }
      for (const batch of got.batches) {
        const times = batch.map((l) => l.ts ?? '');
        expect(times).toEqual([...times].sort());
      }

      await kubectl(['-n', t.ns.name, 'set', 'image', 'deployment/shop', 'shop=registry.invalid/shop:2']);
      const second = await waitFor(
        async () => {
          const names = await runningPods(t.kc, t.ns.name, 'app=shop', 3);
          return names.every((n) => !first.includes(n)) ? names : undefined;
        },
        { timeoutMs: 120_000, intervalMs: 500, what: 'the rollout to replace every pod' },
      );
      const joined = () => new Set(got.pods.flatMap((p) => p.joined.map((j) => j.name)));
      const gone = () => new Set(got.pods.flatMap((p) => p.gone));
      await until(
        'the new pods joined and the old ones gone',
        () => second.every((n) => joined().has(n)) && first.every((n) => gone().has(n)),
      );
      const c = `third-${t.ns.name}-${Date.now()}`;
      await appendPodLog(`INFO ${c}`);
      await until('the new pods stream the next line', () => {
        const from = new Set(got.lines.filter((l) => l.text.includes(c)).map((l) => l.pod));
        return second.every((n) => from.has(n));
      });
      await new Promise((r) => setTimeout(r, 500));
      const from = got.lines.filter((l) => l.text.includes(c)).map((l) => l.pod);
      expect(from.sort()).toEqual(second);
      expect(await upstreams(t.url)).toBe(3);
    } finally {
      socket.close();
    }
    await waitFor(async () => ((await upstreams(t.url)) === 0 ? true : undefined), {
      timeoutMs: 10_000,
      intervalMs: 100,
      what: 'the upstream gauge back to 0 after the socket closed',
    });
  });

  it('caps the pods streamed at once and says how many matched; a stop closes every upstream', async () => {
    await runningPods(t.kc, t.ns.name, 'app=shop', 3);
    const capped = await startBff({ env: { WHEELHOUSE_MAX_LOG_PODS: '2' } });
    const socket = await connect(capped.url);
    try {
      const ack: WorkloadLogsAck = await socket.timeout(20_000).emitWithAck('workloadLogsStart', {
        namespace: t.ns.name,
        labelSelector: 'app=shop',
        follow: true,
        tailLines: 1,
        timestamps: true,
      });
      expect(ack.ok && ack.capped).toEqual({ total: 3, max: 2 });
      expect(ack.ok && ack.pods.length).toBe(2);
      if (!ack.ok) return;
      await waitFor(async () => ((await upstreams(capped.url)) === 2 ? true : undefined), {
        timeoutMs: 10_000,
        intervalMs: 100,
        what: 'two upstreams',
      });
      expect((await socket.timeout(5000).emitWithAck('logsStop', { streamId: ack.streamId })).ok).toBe(true);
      await waitFor(async () => ((await upstreams(capped.url)) === 0 ? true : undefined), {
        timeoutMs: 10_000,
        intervalMs: 100,
        what: 'no upstream after the stop',
      });
    } finally {
      socket.close();
      await capped.app.close();
    }
  });

  it('refuses what it cannot follow: 404 for an unknown namespace, 400 for a bad or empty selector', async () => {
    const socket = await connect(t.url);
    try {
      const start = (req: object) =>
        socket.timeout(15_000).emitWithAck('workloadLogsStart', {
          follow: true,
          timestamps: false,
          ...req,
        } as WorkloadLogsRequest);
      const missing = await start({ namespace: 'no-such-namespace-wlogs', labelSelector: 'app=shop' });
      expect(!missing.ok && missing.error).toMatchObject({
        code: 404,
        message: expect.stringContaining('no-such-namespace-wlogs'),
      });
      const bad = await start({ namespace: t.ns.name, labelSelector: 'app in (shop' });
      expect(!bad.ok && bad.error).toMatchObject({ code: 400, field: 'labelSelector' });
      const empty = await start({ namespace: t.ns.name, labelSelector: ' ' });
      expect(!empty.ok && empty.error).toMatchObject({ code: 400, field: 'labelSelector' });
      const noContainers = await start({ namespace: t.ns.name, labelSelector: 'app=shop', containers: [] });
      expect(!noContainers.ok && noContainers.error.code).toBe(400);
      expect(await upstreams(t.url)).toBe(0);
    } finally {
      socket.close();
    }
  });
});
