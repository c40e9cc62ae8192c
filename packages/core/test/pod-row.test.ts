/**
 * podListRow() against the pods captured from the local cluster: the cells kubectl printed for each
 * (captured.expected.json), and the same row whether the BFF computes it from the object as the
 * apiserver sent it or from the slim object its cache holds.
 */
import type { V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { podListRow, slimObject } from '../src/index';
import { capturedCases, capturedPod } from './captured-pods';
// `kubectl get pod gated -o json` on the local cluster after setting one of its two gates' conditions
// True; `kubectl get pod gated -o wide` printed `IP 10.0.0.21`, `NODE kwok-node-0`,
// `NOMINATED NODE <none>` and `READINESS GATES 1/2`.
import gatedJson from './fixtures/captured-pod-readiness-gates.json';
// The demo's frontend Pod as the apiserver sends it (managedFields and all).
import frontendJson from './fixtures/captured-slim-pod-frontend.json';

const gated = gatedJson as unknown as V1Pod;
const frontend = frontendJson as unknown as V1Pod;

describe('podListRow on pods captured from a real cluster', () => {
  it.each(capturedCases)('has the READY, STATUS and RESTARTS kubectl printed for %s', (file, want) => {
    const row = podListRow(capturedPod(file));
    expect({ ready: row.ready, status: row.status, restarts: row.restarts }).toEqual({
      ready: want.ready,
      status: want.status,
      restarts: Number.parseInt(want.restarts, 10),
    });
  });

  it.each(capturedCases)('is the same row from the slim object the BFF caches, for %s', (file) => {
    const pod = capturedPod(file);
    expect(podListRow(slimObject('pods', pod))).toEqual(podListRow(pod));
  });

  it('prints the -o wide cells kubectl printed for the pod with readiness gates', () => {
    expect(podListRow(gated)).toMatchObject({
      ip: '10.0.0.21',
      node: 'kwok-node-0',
      nominatedNode: '<none>',
      readinessGates: '1/2',
    });
  });

  it('prints <none> without gates, the nominated node when the scheduler set one, and a missing condition as not true', () => {
    const plain: V1Pod = { ...gated, spec: { ...gated.spec, containers: [], readinessGates: [] } };
    expect(podListRow(plain).readinessGates).toBe('<none>');
    const preempting: V1Pod = {
      ...gated,
      status: { ...gated.status, nominatedNodeName: 'kwok-node-1', conditions: [] },
    };
    expect(podListRow(preempting)).toMatchObject({ nominatedNode: 'kwok-node-1', readinessGates: '0/2' });
  });

  it('prints <none> for the IP and NODE of a pod not yet scheduled', () => {
    const pending: V1Pod = { metadata: { name: 'p', uid: 'u2' }, status: { phase: 'Pending' } };
    expect(podListRow(pending)).toEqual({
      metadata: { name: 'p', uid: 'u2' },
      ready: '0/0',
      status: 'Pending',
      restarts: 0,
      ip: '<none>',
      node: '<none>',
      nominatedNode: '<none>',
      readinessGates: '<none>',
    });
  });

  it("keeps the object's identity and version and nothing else of its metadata", () => {
    const row = podListRow(frontend);
    const meta = frontend.metadata ?? {};
    expect(row.metadata).toEqual({
      name: meta.name,
      namespace: meta.namespace,
      uid: meta.uid,
      resourceVersion: meta.resourceVersion,
      creationTimestamp: meta.creationTimestamp,
    });
  });

  it('carries the last restart as epoch ms, for RESTARTS "(5m ago)"', () => {
    const file = 'captured-pod-demo-worker-oomkilled-restarts.json';
    const want = capturedCases.find(([f]) => f === file)?.[1];
    const row = podListRow(capturedPod(file));
    expect(row.restarts).toBe(4);
    // kubectl printed "4 (8m3s ago)" at capturedAt.
    const ago = Date.parse(want?.capturedAt ?? '') - (row.lastRestart ?? 0);
    expect(ago).toBeGreaterThanOrEqual(8 * 60_000 + 3_000);
    expect(ago).toBeLessThan(8 * 60_000 + 4_000);
  });

  it('is computed once per object and is a small part of what the apiserver sends', () => {
    expect(podListRow(frontend)).toBe(podListRow(frontend));
    const share = JSON.stringify(podListRow(frontend)).length / JSON.stringify(frontend).length;
    expect(share).toBeLessThan(0.1);
  });
});
