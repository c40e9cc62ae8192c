import type { CoreV1Event, V1Container, V1EndpointSlice, V1Pod, V1Service } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { membershipOf, servicesSelecting } from './membership';
import { backOffsByContainer, groupProbeEvents, probeOfMessage } from './probe-events';
import { lintProbes } from './probe-lint';

const http = (path: string) => ({ httpGet: { path, port: 'http' as const } });
const pod = (containers: V1Container[], extra: Partial<V1Pod> = {}): V1Pod => ({
  metadata: { name: 'web-1', namespace: 'ns', uid: 'pod-uid', labels: { app: 'web' } },
  spec: { containers },
  status: { podIP: '10.0.0.1' },
  ...extra,
});
const rules = (p: V1Pod, services: string[] = []) =>
  lintProbes(p, { services }).map((f) => `${f.container}:${f.rule}`);

describe('probe lint', () => {
  it('flags a container without a readiness probe only when a Service selects the pod', () => {
    const p = pod([{ name: 'app' }]);
    expect(rules(p)).toEqual([]);
    expect(rules(p, ['web'])).toEqual(['app:no-readiness-behind-service']);
  });

  it('flags liveness identical to readiness, defaults applied', () => {
    const p = pod([
      {
        name: 'same',
        readinessProbe: { ...http('/healthz'), periodSeconds: 10 },
        livenessProbe: http('/healthz'),
        startupProbe: http('/'),
      },
      {
        name: 'differ',
        readinessProbe: http('/readyz'),
        livenessProbe: http('/livez'),
        startupProbe: http('/'),
      },
    ]);
    expect(rules(p)).toEqual(['same:liveness-equals-readiness']);
  });

  it('flags liveness without a startupProbe, as a warning when the start-up budget is short', () => {
    const [short] = lintProbes(pod([{ name: 'a', readinessProbe: http('/r'), livenessProbe: http('/l') }]), {
      services: [],
    });
    expect(short).toMatchObject({ rule: 'liveness-without-startup', severity: 'warning' });
    expect(short?.message).toContain('within about 30s');
    const [long] = lintProbes(
      pod([
        { name: 'a', readinessProbe: http('/r'), livenessProbe: { ...http('/l'), initialDelaySeconds: 120 } },
      ]),
      { services: [] },
    );
    expect(long?.severity).toBe('info');
  });

  it('lints sidecars (restartable init containers) too, not plain init containers', () => {
    const p = pod([{ name: 'app', readinessProbe: http('/r') }], {});
    p.spec = {
      ...p.spec,
      containers: p.spec?.containers ?? [],
      initContainers: [
        {
          name: 'proxy',
          restartPolicy: 'Always',
          livenessProbe: { ...http('/l'), failureThreshold: 1 },
          startupProbe: http('/s'),
        },
        { name: 'migrate' },
      ],
    };
    expect(rules(p)).toEqual(['proxy:liveness-failure-threshold-1']);
  });

  it('flags timeoutSeconds >= periodSeconds on any probe and failureThreshold 1 on liveness', () => {
    const p = pod([
      {
        name: 'a',
        readinessProbe: { ...http('/r'), timeoutSeconds: 5, periodSeconds: 5 },
        livenessProbe: { ...http('/l'), failureThreshold: 1 },
        startupProbe: http('/s'),
      },
    ]);
    expect(rules(p)).toEqual(['a:timeout-not-below-period', 'a:liveness-failure-threshold-1']);
  });
});

describe('probe events', () => {
  const ev = (
    reason: string,
    message: string,
    count: number,
    at: string,
    container = 'api',
  ): CoreV1Event => ({
    metadata: { name: `${reason}-${at}` },
    involvedObject: { kind: 'Pod', name: 'web-1', fieldPath: `spec.containers{${container}}` },
    reason,
    message,
    count,
    lastTimestamp: at as unknown as Date,
  });

  it('names the probe as the kubelet words it', () => {
    expect(probeOfMessage('Readiness probe failed: HTTP probe failed with statuscode: 503')).toBe(
      'readiness',
    );
    expect(probeOfMessage('Container api failed liveness probe, will be restarted')).toBe('liveness');
    expect(probeOfMessage('Back-off restarting failed container api in pod web-1')).toBe('—');
  });

  it('groups per container, probe and reason with summed counts and the last message', () => {
    const groups = groupProbeEvents([
      ev('Unhealthy', 'Readiness probe failed: 503', 4, '2026-01-01T00:00:00Z'),
      ev('Unhealthy', 'Readiness probe failed: timeout', 2, '2026-01-01T00:05:00Z'),
      ev('Unhealthy', 'Liveness probe failed: refused', 3, '2026-01-01T00:01:00Z'),
      ev('Killing', 'Container api failed liveness probe, will be restarted', 1, '2026-01-01T00:02:00Z'),
      ev(
        'BackOff',
        'Back-off restarting failed container side in pod web-1',
        7,
        '2026-01-01T00:03:00Z',
        'side',
      ),
      ev('Scheduled', 'Successfully assigned', 1, '2026-01-01T00:00:00Z'),
    ]);
    expect(groups.map((g) => [g.container, g.probe, g.reason, g.count, g.lastMessage])).toEqual([
      ['api', 'liveness', 'Killing', 1, 'Container api failed liveness probe, will be restarted'],
      ['api', 'liveness', 'Unhealthy', 3, 'Liveness probe failed: refused'],
      ['api', 'readiness', 'Unhealthy', 6, 'Readiness probe failed: timeout'],
    ]);
  });

  it('lists BackOff with the container’s restarts, not as a probe event', () => {
    const events = [
      ev(
        'BackOff',
        'Back-off restarting failed container side in pod web-1',
        7,
        '2026-01-01T00:03:00Z',
        'side',
      ),
      ev(
        'BackOff',
        'Back-off restarting failed container side in pod web-1',
        2,
        '2026-01-01T00:09:00Z',
        'side',
      ),
      ev('Unhealthy', 'Readiness probe failed: 503', 4, '2026-01-01T00:00:00Z'),
    ];
    expect(groupProbeEvents(events).map((g) => g.reason)).toEqual(['Unhealthy']);
    expect(backOffsByContainer(events).get('side')).toEqual({
      count: 9,
      last: Date.parse('2026-01-01T00:09:00Z'),
      message: 'Back-off restarting failed container side in pod web-1',
    });
    expect(backOffsByContainer(events).has('api')).toBe(false);
  });
});

describe('Service membership', () => {
  const svc = (name: string, selector?: Record<string, string>): V1Service => ({
    metadata: { name, namespace: 'ns' },
    spec: selector ? { selector } : {},
  });
  const slice = (
    service: string,
    conditions: { ready?: boolean; serving?: boolean; terminating?: boolean },
  ): V1EndpointSlice => ({
    addressType: 'IPv4',
    metadata: { name: `${service}-abc`, labels: { 'kubernetes.io/service-name': service } },
    endpoints: [{ addresses: ['10.0.0.1'], conditions, targetRef: { kind: 'Pod', uid: 'pod-uid' } }],
  });

  it('selects Services by their selector, skipping selector-less ones', () => {
    const p = pod([{ name: 'app' }]);
    const names = servicesSelecting(p, [
      svc('web', { app: 'web' }),
      svc('other', { app: 'db' }),
      svc('manual'),
    ]).map((s) => s.metadata?.name);
    expect(names).toEqual(['web']);
  });

  it('says why a pod is out of rotation', () => {
    const unready = pod([{ name: 'app' }], {
      status: {
        podIP: '10.0.0.1',
        conditions: [
          {
            type: 'Ready',
            status: 'False',
            reason: 'ContainersNotReady',
            message: 'containers with unready status: [app]',
          },
        ],
        containerStatuses: [{ name: 'app', ready: false, restartCount: 0, image: 'x', imageID: '' }],
      },
    });
    const services = [svc('web', { app: 'web' })];
    expect(membershipOf(unready, services, [slice('web', { ready: true })])[0]).toMatchObject({
      inRotation: true,
    });
    const out = membershipOf(unready, services, [
      slice('web', { ready: false, serving: false, terminating: false }),
    ])[0];
    expect(out?.inRotation).toBe(false);
    expect(out?.why).toBe(
      'the pod is not Ready (ContainersNotReady: containers with unready status: [app]) — container app not ready',
    );
    const draining = membershipOf(unready, services, [
      slice('web', { ready: false, serving: true, terminating: true }),
    ])[0];
    expect(draining?.why).toMatch(/^terminating: still serving/);
    expect(membershipOf(unready, services, [])[0]?.why).toMatch(/not in the EndpointSlices yet/);
  });
});
