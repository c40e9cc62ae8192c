import type { V1Pod } from '@kubernetes/client-node';
import { podListRow } from '@wheelhouse/core';
import type { PodListRow } from '@wheelhouse/shared-types';
import { describe, expect, it } from 'vitest';
import { podRow, podRowOf } from './rows';
// `kubectl get pod gated -o json` on the local cluster after setting one of its two gates' conditions
// True; `kubectl get pod gated -o wide` printed `NOMINATED NODE <none>` and `READINESS GATES 1/2`.
import captured from './testdata/captured-pod-readiness-gates.json';

const pod = captured as unknown as V1Pod;
/** The row as the Pods list receives it: the BFF's podListRow, through JSON. */
const onTheWire = (p: V1Pod) => JSON.parse(JSON.stringify(podListRow(p))) as PodListRow;

describe("podRow's -o wide NOMINATED NODE and READINESS GATES", () => {
  it('prints them as kubectl did for the captured pod', () => {
    expect(podRow(pod)).toMatchObject({ nominatedNode: '<none>', readinessGates: '1/2' });
  });

  it('prints <none> without gates, the nominated node when the scheduler set one, and a missing condition as not true', () => {
    const plain: V1Pod = { ...pod, spec: { ...pod.spec, containers: [], readinessGates: [] } };
    expect(podRow(plain).readinessGates).toBe('<none>');
    const preempting: V1Pod = {
      ...pod,
      status: { ...pod.status, nominatedNodeName: 'kwok-node-1', conditions: [] },
    };
    expect(podRow(preempting)).toMatchObject({ nominatedNode: 'kwok-node-1', readinessGates: '0/2' });
  });
});

describe('a pod row from the wire row', () => {
  it('is the row of the object: every cell, the AGE start, the search text', () => {
    const restarted: V1Pod = {
      ...pod,
      status: {
        ...pod.status,
        containerStatuses: (pod.status?.containerStatuses ?? []).map((c) => ({
          ...c,
          restartCount: 3,
          lastState: { terminated: { exitCode: 1, finishedAt: '2026-11-25T18:00:00Z' as unknown as Date } },
        })),
      },
    };
    for (const p of [pod, restarted]) expect(podRowOf(onTheWire(p))).toEqual(podRow(p));
    expect(podRowOf(onTheWire(restarted))).toMatchObject({
      restarts: 3,
      lastRestart: Date.parse('2026-11-25T18:00:00Z'),
    });
  });

  it('is computed once per wire row', () => {
    const row = onTheWire(pod);
    expect(podRowOf(row)).toBe(podRowOf(row));
  });
});
