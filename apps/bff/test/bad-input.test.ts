/**
 * Bad-input battery: hostile and malformed inputs through the real HTTP and socket interfaces of a BFF
 * started with startBff() against the real local cluster. Every case must end in a clear 4xx with the one
 * error body ({error: {code, reason, message, source}}, or a socket ack {ok: false, error}) — and the
 * test namespace must be exactly as it was: every object at the same resourceVersion (kubectl get of all
 * its objects before and after each case).
 */
import { AppsV1Api, type KubeConfig } from '@kubernetes/client-node';
import { createDeployment, createTestNamespace, ensureCluster, kubectl, waitFor } from '@wheelhouse/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionCases } from './bad-input/cases-actions';
import { requestCases } from './bad-input/cases-requests';
import { socketCases } from './bad-input/cases-sockets';
import { tokenCases } from './bad-input/cases-token';
import { writeCases } from './bad-input/cases-writes';
import { type BadInputState, type Case, expectErrorBody, makeRig, snapshot } from './bad-input/harness';
import { connect, mutationHeaders, startBff } from './support';
import { yamlOf } from './writes-support';

describe('bad input: each hostile or malformed request gets a clear 4xx and changes nothing', () => {
  let kc: KubeConfig;
  let ns: { name: string; cleanup(): Promise<void> };
  let actionsMounted = false;
  let last: Record<string, string> = {};
  const state = {} as BadInputState;

  beforeAll(async () => {
    ({ kc } = await ensureCluster());
    ns = await createTestNamespace(kc, 'bff-bad-input');
    await kubectl(['-n', ns.name, 'create', 'configmap', 'settings', '--from-literal=mode=calm']);
    await kubectl(['-n', ns.name, 'create', 'secret', 'generic', 'creds', '--from-literal=password=hunter2']);
    await createDeployment(kc, ns.name, 'web', { replicas: 1, image: 'registry.invalid/web:1' });
    const apps = kc.makeApiClient(AppsV1Api);
    await waitFor(
      async () => {
        const d = await apps.readNamespacedDeployment({ name: 'web', namespace: ns.name });
        return (
          d.status?.readyReplicas === 1 &&
          d.status.updatedReplicas === 1 &&
          d.status.observedGeneration === d.metadata?.generation
        );
      },
      { timeoutMs: 90_000, intervalMs: 250, what: 'deployment web to be ready' },
    );
    // Settled: two snapshots a second apart agree (KWOK and the controllers are done writing).
    last = await waitFor(
      async () => {
        const a = await snapshot(ns.name);
        await new Promise((r) => setTimeout(r, 1000));
        const b = await snapshot(ns.name);
        return JSON.stringify(a) === JSON.stringify(b) ? b : false;
      },
      { timeoutMs: 60_000, intervalMs: 200, what: 'the test namespace to settle' },
    );
    const web = await apps.readNamespacedDeployment({ name: 'web', namespace: ns.name });
    state.rv = web.metadata?.resourceVersion as string;
    const { status: _status, ...spec } = JSON.parse(
      await kubectl(['-n', ns.name, 'get', 'deployment/web', '-o', 'json']),
    ) as Record<string, unknown>;
    state.webYaml = yamlOf(spec);
    const versionOf = async (what: string) =>
      (await kubectl(['-n', ns.name, 'get', what, '-o', 'jsonpath={.metadata.resourceVersion}'])).trim();
    state.cmRv = await versionOf('configmap/settings');
    state.secretRv = await versionOf('secret/creds');

    state.bff = await startBff();
    state.tokenBff = await startBff({ env: { WHEELHOUSE_MODE: 'token' } });
    state.headers = await mutationHeaders(state.bff.url);
    state.tokenHeaders = await mutationHeaders(state.tokenBff.url);
    state.socket = await connect(state.bff.url);
    const history = await fetch(`${state.bff.url}/api/deployments/${ns.name}/web/history`);
    actionsMounted = history.status === 200;
  });

  afterAll(async () => {
    state.socket?.close();
    await state.bff?.app.close();
    await state.tokenBff?.app.close();
    await ns?.cleanup();
  });

  const rig = makeRig(state, () => ns.name);
  const cases: Case[] = [
    ...socketCases(rig),
    ...requestCases(rig),
    ...actionCases(rig),
    ...writeCases(rig),
    ...tokenCases(rig),
  ];

  it('has at least 50 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
  });

  for (const c of cases) {
    it(c.name, async () => {
      if (c.actions) expect(actionsMounted, 'the deployment actions are mounted').toBe(true);
      const outcome = await c.run();
      if (outcome.kind === 'http') {
        const { reply } = outcome;
        expect(reply.status, reply.text.slice(0, 300)).toBe(c.code);
        expect(reply.headers['content-type']).toMatch(/^application\/json/);
        expectErrorBody(JSON.parse(reply.text), c.code, c.reason, c.source, c.message);
      } else if (outcome.kind === 'ack') {
        const ack = outcome.ack as { ok: boolean };
        expect(ack.ok, JSON.stringify(ack).slice(0, 300)).toBe(false);
        expectErrorBody(ack, c.code, c.reason, c.source, c.message);
      } else {
        expect(outcome.refused, outcome.message).toBe(true);
        expect(outcome.reply.status).toBe(c.code);
        expect(outcome.reply.headers.upgrade).toBeUndefined();
        if (c.reason) expect(outcome.message).toContain(c.reason);
      }
      // Nothing in the namespace changed.
      const now = await snapshot(ns.name);
      expect(now).toEqual(last);
      last = now;
    });
  }
});
