/**
 * podStatus() against pods captured from the real local cluster (tools/cluster, Kubernetes 1.36 + KWOK):
 * `kubectl get pod X -o json` is saved as fixtures/captured-*.json, and what `kubectl get pod X` printed at
 * the same moment (READY, STATUS, RESTARTS) as fixtures/captured.expected.json, with the capture time so the
 * "(5m ago)" part of RESTARTS can be recomputed. Readiness, restarts, phases and init/sidecar states were
 * shaped with @wheelhouse/testkit (flipReadiness, addRestarts) and pod status patches; Terminating pods were
 * held by a finalizer; Job pods were completed by KWOK.
 */
import { describe, expect, it } from 'vitest';
import { formatRestarts, podStatus } from '../src/index';
import { capturedPod, capturedCases as cases, capturedPods as fixtures } from './captured-pods';

describe('podStatus on pods captured from a real cluster', () => {
  it('has a fixture for every recorded kubectl line, and a kubectl line for every fixture', () => {
    expect(Object.keys(fixtures).sort()).toEqual(cases.map(([file]) => file).sort());
  });

  it.each(cases)('prints what kubectl printed for %s', (file, want) => {
    const pod = capturedPod(file);
    const got = podStatus(pod);
    expect({
      ready: got.ready,
      status: got.status,
      restarts: formatRestarts(got.restarts, got.lastRestart, new Date(want.capturedAt)),
    }).toEqual({ ready: want.ready, status: want.status, restarts: want.restarts });
    expect(got.restarts).toBe(Number.parseInt(want.restarts, 10));
  });
});
