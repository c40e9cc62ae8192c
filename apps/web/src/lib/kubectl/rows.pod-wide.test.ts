import type { V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { podRow } from './rows';
// `kubectl get pod gated -o json` on the local cluster after setting one of its two gates' conditions
// True; `kubectl get pod gated -o wide` printed `NOMINATED NODE <none>` and `READINESS GATES 1/2`.
import captured from './testdata/captured-pod-readiness-gates.json';

describe("podRow's -o wide NOMINATED NODE and READINESS GATES", () => {
  it('prints them as kubectl did for the captured pod', () => {
    const pod = captured as unknown as V1Pod;
    expect(podRow(pod)).toMatchObject({ nominatedNode: '<none>', readinessGates: '1/2' });
  });

  it('prints <none> without gates, the nominated node when the scheduler set one, and a missing condition as not true', () => {
    const pod = captured as unknown as V1Pod;
    const plain: V1Pod = { ...pod, spec: { ...pod.spec, containers: [], readinessGates: [] } };
    expect(podRow(plain).readinessGates).toBe('<none>');
    const preempting: V1Pod = {
      ...pod,
      status: { ...pod.status, nominatedNodeName: 'kwok-node-1', conditions: [] },
    };
    expect(podRow(preempting)).toMatchObject({ nominatedNode: 'kwok-node-1', readinessGates: '0/2' });
  });
});
