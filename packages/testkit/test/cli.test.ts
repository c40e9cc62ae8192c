/**
 * The testkit's command line (src/cli.ts), as tools/cluster's demo seed runs it: a real Node process against
 * the real local cluster, then what a user of kubectl would see (conditions, restarts, Events, log lines).
 */
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CoreV1Api, type CoreV1Event, type KubeConfig, type V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDeployment,
  createTestNamespace,
  ensureCluster,
  kubectl,
  podLogFile,
  type TestNamespace,
  waitFor,
} from '../src/index';

const testkitDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], kubeconfigPath: string, timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', ...args],
      { cwd: testkitDir, timeout: timeoutMs, env: { ...process.env, WHEELHOUSE_KUBECONFIG: kubeconfigPath } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const ready = (pod: V1Pod) => pod.status?.conditions?.find((c) => c.type === 'Ready');

describe('testkit cli against the local cluster', () => {
  let kc: KubeConfig;
  let kubeconfigPath: string;
  let core: CoreV1Api;
  let ns: TestNamespace;
  let podA: string;
  let podB: string;
  const run = (args: string[], timeoutMs?: number) => cli(args, kubeconfigPath, timeoutMs);

  async function eventsOf(pod: string): Promise<CoreV1Event[]> {
    const list = await core.listNamespacedEvent({
      namespace: ns.name,
      fieldSelector: `involvedObject.name=${pod}`,
    });
    return list.items.filter((e) => e.source?.component === 'kubelet');
  }

  beforeAll(async () => {
    ({ kc, kubeconfigPath } = await ensureCluster());
    core = kc.makeApiClient(CoreV1Api);
    ns = await createTestNamespace(kc, 'testkit-cli');
    await createDeployment(kc, ns.name, 'shop', { replicas: 2, image: 'registry.invalid/shop:1.0.0' });
    const pods = await waitFor(
      async () => {
        const list = await core.listNamespacedPod({ namespace: ns.name, labelSelector: 'app=shop' });
        const running = list.items.filter(
          (p) => p.status?.phase === 'Running' && ready(p)?.status === 'True',
        );
        return running.length === 2 ? running : false;
      },
      { timeoutMs: 60_000, intervalMs: 250, what: '2 Running, Ready pods of deployment shop' },
    );
    [podA, podB] = pods.map((p) => p.metadata!.name!).sort() as [string, string];
  });

  afterAll(async () => {
    await ns?.cleanup();
  });

  it("ready false marks several pods not ready with the given message and records the kubelet's Unhealthy Event for each", async () => {
    const message = 'Readiness probe failed: HTTP probe failed with statuscode: 503';
    const r = await run([
      'ready',
      ns.name,
      'false',
      podA,
      podB,
      '--message',
      message,
      '--event',
      '--event-label',
      'app.kubernetes.io/part-of=cli-test',
    ]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    for (const name of [podA, podB]) {
      const pod = await core.readNamespacedPod({ name, namespace: ns.name });
      expect(ready(pod)).toMatchObject({ status: 'False', reason: 'ReadinessProbeFailed', message });
      const [event, ...more] = await eventsOf(name);
      expect(more).toEqual([]);
      expect(event).toMatchObject({
        type: 'Warning',
        reason: 'Unhealthy',
        message,
        count: 1,
        involvedObject: { kind: 'Pod', name, uid: pod.metadata?.uid, fieldPath: 'spec.containers{shop}' },
        source: { component: 'kubelet', host: pod.spec?.nodeName },
        metadata: { labels: { 'app.kubernetes.io/part-of': 'cli-test' } },
      });
      expect(event?.metadata?.name?.startsWith(`${name}.`)).toBe(true);
    }
  });

  it('ready true brings a pod back without a reason and records no Event', async () => {
    expect(await run(['ready', ns.name, 'true', podA, '--event'])).toMatchObject({ code: 0 });
    const pod = await core.readNamespacedPod({ name: podA, namespace: ns.name });
    expect(ready(pod)?.status).toBe('True');
    expect(ready(pod)?.reason).toBeUndefined();
    expect(await eventsOf(podA)).toHaveLength(1);
  });

  it('restarts shows the count and an OOMKilled last run of the given length, with a BackOff Event', async () => {
    const r = await run([
      'restarts',
      ns.name,
      podB,
      '--container',
      'shop',
      '--count',
      '4',
      '--reason',
      'OOMKilled',
      '--exit-code',
      '137',
      '--ran-for',
      '1140',
      '--event',
    ]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const pod = await core.readNamespacedPod({ name: podB, namespace: ns.name });
    const cs = pod.status?.containerStatuses?.[0];
    expect(cs?.restartCount).toBe(4);
    const last = cs?.lastState?.terminated;
    expect(last).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(last!.finishedAt!.getTime() - last!.startedAt!.getTime()).toBe(1140_000);
    const backOff = (await eventsOf(podB)).find((e) => e.reason === 'BackOff');
    expect(backOff?.message).toBe(`Back-off restarting failed container shop in pod ${podB}`);
  });

  it('refuses bad input with a message and a non-zero exit, changing nothing', async () => {
    expect(await run(['nope'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/unknown command nope/),
    });
    expect(await run(['ready', ns.name, 'maybe', podA])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/usage: ready/),
    });
    expect(await run(['restarts', ns.name, podA, '--count=-1'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/--count wants a whole number/),
    });
    expect(await run(['ready', ns.name, 'false', 'no-such-pod'])).toMatchObject({ code: 1 });
    const pod = await core.readNamespacedPod({ name: podA, namespace: ns.name });
    expect(pod.status?.containerStatuses?.[0]?.restartCount).toBe(0);
  });

  describe('logs', () => {
    let dir: string;
    let file: string;
    const tag = randomBytes(4).toString('hex');

    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'testkit-cli-'));
      file = path.join(dir, 'lines.json');
      await writeFile(
        file,
        JSON.stringify({
          start: [
            { stream: 'stdout', text: `start ${tag} one` },
            { stream: 'stderr', text: `\u001b[31mstart ${tag} two\u001b[0m` },
          ],
          live: [{ stream: 'stdout', text: `live ${tag}` }],
        }),
      );
    });

    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    const linesWith = async (text: string) =>
      (await readFile(await podLogFile(), 'utf8')).split('\n').filter((l) => l.includes(text));

    it('--once appends a set in CRI format, per-line stream kept, and not a second time', async () => {
      expect(await run(['logs', file, '--set', 'start', '--once'])).toMatchObject({ code: 0 });
      expect(await run(['logs', file, '--set', 'start', '--once'])).toMatchObject({ code: 0 });
      const lines = await linesWith(tag);
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\S+Z stdout F start ${tag} one$`));
      expect(lines[1]?.endsWith(` stderr F \u001b[31mstart ${tag} two\u001b[0m`)).toBe(true);
      // The line streams through the real pods/log path.
      expect(await kubectl(['-n', ns.name, 'logs', podA])).toContain(`start ${tag} one`);
    });

    it('--every trickles one line at a time, about a second apart, until stopped', async () => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'src/cli.ts', 'logs', file, '--set', 'live', '--every', '1', '--minutes', '1'],
        {
          cwd: testkitDir,
          env: { ...process.env, WHEELHOUSE_KUBECONFIG: kubeconfigPath },
          stdio: 'ignore',
        },
      );
      try {
        await waitFor(async () => (await linesWith(`live ${tag}`)).length >= 2, {
          timeoutMs: 30_000,
          intervalMs: 200,
          what: 'two trickled lines',
        });
      } finally {
        child.kill('SIGTERM');
      }
      await new Promise((resolve) => child.once('exit', resolve));
      const lines = await linesWith(`live ${tag}`);
      const [first, second] = lines.slice(0, 2).map((l) => Date.parse(l.split(' ')[0] ?? ''));
      expect(second! - first!).toBeGreaterThanOrEqual(900);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await linesWith(`live ${tag}`)).toHaveLength(lines.length);
      expect(await run(['logs', file, '--set', 'live', '--every', '1'])).toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/--every and --minutes go together/),
      });
      expect(await run(['logs', file, '--set', 'missing'])).toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/"missing" must be a non-empty list/),
      });
    });
  });
});
