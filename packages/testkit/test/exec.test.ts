/**
 * `kubectl exec` on the local cluster: the real apiserver → KWOK kubelet-API path, where a pod execs into a local
 * shell in a scratch directory (tools/cluster). What a user of kubectl or of the dashboard's shell would notice:
 * output, exit codes, stdin, a TTY that follows resizes and Ctrl-C.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ClusterInfo,
  createTestNamespace,
  ensureCluster,
  execInPod,
  kubectl,
  openPodTerminal,
  type TestNamespace,
  waitFor,
} from '../src/index';

describe('exec in pods of the local cluster', () => {
  let cluster: ClusterInfo;
  let kc: KubeConfig;
  let ns: TestNamespace;
  const pod = 'shell';

  beforeAll(async () => {
    cluster = await ensureCluster();
    kc = cluster.kc;
    ns = await createTestNamespace(kc, 'testkit-exec');
    const core = kc.makeApiClient(CoreV1Api);
    await core.createNamespacedPod({
      namespace: ns.name,
      body: {
        metadata: { name: pod },
        spec: {
          containers: [
            { name: 'app', image: 'registry.invalid/app:1' },
            { name: 'sidecar', image: 'registry.invalid/sidecar:1' },
          ],
        },
      },
    });
    await waitFor(
      async () =>
        (await core.readNamespacedPod({ name: pod, namespace: ns.name })).status?.phase === 'Running',
      { timeoutMs: 60_000, intervalMs: 250, what: `pod ${pod} to run` },
    );
  });

  afterAll(async () => {
    await ns?.cleanup();
  });

  it('runs a command and returns its output: echo $((6*7)) prints 42', async () => {
    const r = await execInPod(kc, ns.name, pod, ['sh', '-c', 'echo $((6*7))'], { container: 'app' });
    expect(r).toEqual({ stdout: '42\n', stderr: '', exitCode: 0 });
  });

  it('keeps stdout and stderr apart and returns a non-zero exit code as the result', async () => {
    const r = await execInPod(kc, ns.name, pod, ['sh', '-c', 'echo out; echo err >&2; exit 3'], {
      container: 'sidecar',
    });
    expect(r).toEqual({ stdout: 'out\n', stderr: 'err\n', exitCode: 3 });
  });

  it('kubectl exec exits with the command’s exit code', async () => {
    await expect(
      kubectl(['-n', ns.name, 'exec', pod, '-c', 'app', '--', 'sh', '-c', 'exit 3']),
    ).rejects.toThrow(/failed \(exit 3\)/);
    expect(await kubectl(['-n', ns.name, 'exec', pod, '-c', 'app', '--', 'sh', '-c', 'echo $((6*7))'])).toBe(
      '42\n',
    );
  });

  it('passes stdin and closes it, so a command reading to the end finishes', async () => {
    const r = await execInPod(kc, ns.name, pod, ['sh', '-c', 'wc -c; cat'], {
      container: 'app',
      stdin: 'hello',
    });
    expect(r.stdout.trim()).toBe('5');
    expect(r.exitCode).toBe(0);
  });

  it("runs in the cluster's scratch directory with a small environment, none of the caller's", async () => {
    const scratch = path.join(path.dirname(cluster.kubeconfigPath), 'pod-exec');
    const r = await execInPod(kc, ns.name, pod, ['sh', '-c', 'pwd; echo "$HOME"; env | cut -d= -f1 | sort'], {
      container: 'app',
    });
    const [pwd, home, ...names] = r.stdout.trim().split('\n');
    expect(pwd).toBe(scratch);
    expect(home).toBe(scratch);
    expect(names).toEqual(expect.arrayContaining(['HOME', 'PATH', 'PWD', 'TERM']));
    // This test process has WHEELHOUSE_* and its whole environment; the pod's shell must not.
    expect(names.filter((n) => !['HOME', 'PATH', 'PWD', 'TERM', 'SHLVL', '_', 'OLDPWD'].includes(n))).toEqual(
      [],
    );
  });

  it('rejects with the reason when the command, the container or the pod does not exist', async () => {
    await expect(execInPod(kc, ns.name, pod, ['no-such-command'], { container: 'app' })).rejects.toThrow(
      /executable file not found/,
    );
    await expect(execInPod(kc, ns.name, pod, ['sh'], { container: 'nope' })).rejects.toThrow();
    await expect(execInPod(kc, ns.name, 'no-such-pod', ['sh'])).rejects.toThrow();
    // Two containers and none named: the apiserver refuses, as for kubectl without -c.
    await expect(execInPod(kc, ns.name, pod, ['sh'])).rejects.toThrow();
  });

  it('gives a TTY that follows resizes and interrupts the foreground job on Ctrl-C', async () => {
    const term = await openPodTerminal(kc, ns.name, pod, ['sh'], { container: 'app', rows: 30, cols: 100 });
    try {
      await term.waitForOutput(/[$#] $/);
      term.write('stty size\r');
      await term.waitForOutput(/\r\n30 100\r\n/);
      term.resize(40, 120);
      term.write('stty size\r');
      await term.waitForOutput(/\r\n40 120\r\n/);
      const started = Date.now();
      term.write('sleep 30; echo slept\r');
      await term.waitForOutput(/sleep 30; echo slept\r\n/);
      term.write('\u0003');
      term.write('echo after-$((6*7))\r');
      await term.waitForOutput(/after-42/, 10_000);
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(term.output()).not.toMatch(/\nslept\r\n/);
      // What the shell prints last reaches the terminal before the session ends.
      term.write('echo bye-$((6*7)); exit 5\r');
      expect(await term.exited).toBe(5);
      expect(term.output()).toMatch(/\r\nbye-42\r\n/);
    } finally {
      term.close();
    }
  });

  it('kubectl exec -it works with a real terminal (under script), its size and exit code included', async () => {
    const kubectlBin = path.join(cluster.binDir, 'kubectl');
    // The command waits a little: the terminal's size reaches the pty just after the process starts.
    const inner = `${kubectlBin} --kubeconfig ${cluster.kubeconfigPath} -n ${ns.name} exec -it ${pod} -c app -- sh -c 'sleep 1; stty size; tty; exit 6'`;
    const result = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = execFile(
        'script',
        ['-qec', `stty rows 33 cols 77; ${inner}`, '/dev/null'],
        { timeout: 30_000 },
        (error, stdout) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, out: stdout }),
      );
      child.stdin?.end();
    });
    expect(result.out).toMatch(/33 77\r?\n/);
    expect(result.out).toMatch(/\/dev\/pts\/\d+/);
    expect(result.code).toBe(6);
  });
});
