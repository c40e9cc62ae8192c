import type { V1Container, V1Probe } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import {
  describeProbe,
  describeProbeAction,
  probeSettings,
  probeTimings,
  resolveProbePort,
} from '../src/probes';
import rollingDeploymentJson from './fixtures/synthetic-deployment-rolling-update.json';
import oneOfTwoReadyJson from './fixtures/synthetic-pod-one-of-two-ready.json';

const container = (extra: Partial<V1Container> = {}): V1Container => ({
  name: 'app',
  image: 'example/app:1',
  ports: [
    { name: 'http', containerPort: 8080, protocol: 'TCP' },
    { name: 'grpc', containerPort: 9090, protocol: 'TCP' },
  ],
  ...extra,
});

describe('probeSettings', () => {
  it('fills in the API defaults for unset fields', () => {
    expect(probeSettings({ tcpSocket: { port: 80 } })).toEqual({
      initialDelaySeconds: 0,
      periodSeconds: 10,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    });
  });

  it('treats 0 as unset for period, timeout and thresholds but keeps a 0 initial delay', () => {
    expect(
      probeSettings({
        periodSeconds: 0,
        timeoutSeconds: 0,
        successThreshold: 0,
        failureThreshold: 0,
        initialDelaySeconds: 0,
      }),
    ).toEqual({
      initialDelaySeconds: 0,
      periodSeconds: 10,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    });
  });

  it('keeps explicit values', () => {
    expect(
      probeSettings({
        periodSeconds: 5,
        timeoutSeconds: 2,
        successThreshold: 2,
        failureThreshold: 6,
        initialDelaySeconds: 15,
      }),
    ).toEqual({
      initialDelaySeconds: 15,
      periodSeconds: 5,
      timeoutSeconds: 2,
      successThreshold: 2,
      failureThreshold: 6,
    });
  });
});

describe('resolveProbePort', () => {
  it('returns a numeric port as is', () => {
    expect(resolveProbePort(8080, container())).toEqual({ port: 8080 });
  });

  it('resolves a named port through container.ports', () => {
    expect(resolveProbePort('grpc', container())).toEqual({ port: 9090, name: 'grpc' });
  });

  it('leaves an undeclared named port unresolved', () => {
    expect(resolveProbePort('metrics', container())).toEqual({ port: undefined, name: 'metrics' });
    expect(resolveProbePort('http', container({ ports: undefined }))).toEqual({
      port: undefined,
      name: 'http',
    });
  });
});

describe('describeProbe', () => {
  it('describes a readiness HTTP probe on a named port with an initial delay', () => {
    const readinessProbe: V1Probe = { httpGet: { path: '/healthz', port: 'http' }, initialDelaySeconds: 5 };
    const c = container({ readinessProbe });
    expect(describeProbe(readinessProbe, c)).toBe(
      'HTTP GET http://:8080/healthz (port "http") every 10s, timeout 1s, after 5s delay; 3 failures → unready',
    );
  });

  it('says restart for a liveness probe and omits a zero delay', () => {
    const livenessProbe: V1Probe = {
      tcpSocket: { port: 5432 },
      periodSeconds: 20,
      timeoutSeconds: 3,
      failureThreshold: 1,
    };
    const c = container({ livenessProbe });
    expect(describeProbe(livenessProbe, c)).toBe(
      'TCP socket :5432 every 20s, timeout 3s; 1 failure → restart',
    );
  });

  it('says restart for a startup probe', () => {
    const startupProbe: V1Probe = { httpGet: { path: '/started', port: 8080 }, failureThreshold: 30 };
    const c = container({ startupProbe });
    expect(describeProbe(startupProbe, c)).toBe(
      'HTTP GET http://:8080/started every 10s, timeout 1s; 30 failures → restart',
    );
  });

  it('uses an explicit kind over the inferred one', () => {
    const probe: V1Probe = { tcpSocket: { port: 80 } };
    expect(describeProbe(probe, container(), 'readiness')).toBe(
      'TCP socket :80 every 10s, timeout 1s; 3 failures → unready',
    );
  });

  it('says failed when the probe is not one of the container probes and no kind is given', () => {
    expect(describeProbe({ tcpSocket: { port: 80 } }, container())).toBe(
      'TCP socket :80 every 10s, timeout 1s; 3 failures → failed',
    );
  });

  it('mentions a success threshold above 1', () => {
    const readinessProbe: V1Probe = { tcpSocket: { port: 80 }, successThreshold: 2 };
    expect(describeProbe(readinessProbe, container({ readinessProbe }))).toBe(
      'TCP socket :80 every 10s, timeout 1s; 3 failures → unready, 2 successes → ready',
    );
  });

  it('describes the readiness probe of a realistic Deployment template', () => {
    const c = (
      rollingDeploymentJson as unknown as { spec: { template: { spec: { containers: V1Container[] } } } }
    ).spec.template.spec.containers[0];
    if (!c?.readinessProbe || !c.livenessProbe) throw new Error('fixture lost its probes');
    expect(describeProbe(c.readinessProbe, c)).toBe(
      'HTTP GET http://:80/ (port "http") every 5s, timeout 1s, after 2s delay; 3 failures → unready',
    );
    expect(describeProbe(c.livenessProbe, c)).toBe(
      'HTTP GET http://:80/ every 10s, timeout 1s; 3 failures → restart',
    );
  });
});

describe('describeProbeAction', () => {
  const c = container();

  it('prints HTTPS, host, a path without a leading slash and headers', () => {
    expect(
      describeProbeAction(
        {
          httpGet: {
            scheme: 'HTTPS',
            host: 'example.com',
            path: 'ready',
            port: 8443,
            httpHeaders: [
              { name: 'X-Probe', value: '1' },
              { name: 'Accept', value: 'application/json' },
            ],
          },
        },
        c,
      ),
    ).toBe('HTTP GET https://example.com:8443/ready with headers X-Probe: 1, Accept: application/json');
  });

  it('prints / for an HTTP probe without a path', () => {
    expect(describeProbeAction({ httpGet: { port: 80 } }, c)).toBe('HTTP GET http://:80/');
  });

  it('flags a named port the container does not declare', () => {
    expect(describeProbeAction({ httpGet: { port: 'admin', path: '/' } }, c)).toBe(
      'HTTP GET http://:admin/ (port "admin" is not declared by the container)',
    );
  });

  it('prints a TCP probe on a named port', () => {
    expect(describeProbeAction({ tcpSocket: { port: 'grpc' } }, c)).toBe('TCP socket :9090 (port "grpc")');
  });

  it('prints a gRPC probe with and without a service', () => {
    expect(describeProbeAction({ grpc: { port: 9090 } }, c)).toBe('gRPC health check :9090');
    expect(describeProbeAction({ grpc: { port: 9090, service: 'liveness' } }, c)).toBe(
      'gRPC health check :9090 (service "liveness")',
    );
  });

  it('prints an exec probe command', () => {
    expect(describeProbeAction({ exec: { command: ['cat', '/tmp/healthy'] } }, c)).toBe(
      'exec [cat /tmp/healthy]',
    );
  });

  it('says so when the probe has no handler', () => {
    expect(describeProbeAction({ periodSeconds: 5 }, c)).toBe('no probe handler');
  });
});

describe('probeTimings', () => {
  it('returns nothing for a container without probes', () => {
    expect(probeTimings(container())).toEqual({});
  });

  it('computes unready = failureThreshold × period + timeout with defaults (3 × 10 + 1)', () => {
    expect(probeTimings(container({ readinessProbe: { tcpSocket: { port: 80 } } }))).toEqual({
      unreadyAfterSeconds: 31,
    });
  });

  it('computes unready from explicit settings (2 × 5 + 3) ignoring the initial delay', () => {
    const readinessProbe: V1Probe = {
      tcpSocket: { port: 80 },
      periodSeconds: 5,
      failureThreshold: 2,
      timeoutSeconds: 3,
      initialDelaySeconds: 60,
    };
    expect(probeTimings(container({ readinessProbe })).unreadyAfterSeconds).toBe(13);
  });

  it('computes restart from the liveness probe and bounds start-up by it without a startup probe', () => {
    const livenessProbe: V1Probe = {
      httpGet: { port: 8080 },
      initialDelaySeconds: 15,
      periodSeconds: 20,
      failureThreshold: 3,
      timeoutSeconds: 5,
    };
    expect(probeTimings(container({ livenessProbe }))).toEqual({
      restartAfterSeconds: 3 * 20 + 5,
      maxStartupSeconds: 15 + 3 * 20,
    });
  });

  it('takes the start-up budget from the startup probe when there is one', () => {
    const c = container({
      startupProbe: { httpGet: { port: 8080 }, failureThreshold: 30, periodSeconds: 10 },
      livenessProbe: { httpGet: { port: 8080 }, initialDelaySeconds: 100 },
      readinessProbe: { httpGet: { port: 8080 }, periodSeconds: 2, failureThreshold: 1 },
    });
    expect(probeTimings(c)).toEqual({
      unreadyAfterSeconds: 1 * 2 + 1,
      restartAfterSeconds: 31,
      maxStartupSeconds: 300,
    });
  });

  it('adds the startup probe initial delay to its budget', () => {
    const c = container({
      startupProbe: {
        exec: { command: ['true'] },
        initialDelaySeconds: 20,
        failureThreshold: 5,
        periodSeconds: 4,
      },
    });
    expect(probeTimings(c)).toEqual({ maxStartupSeconds: 20 + 5 * 4 });
  });

  it('computes the timings of a container from a realistic pod', () => {
    const pod = oneOfTwoReadyJson as unknown as { spec: { containers: V1Container[] } };
    const auth = pod.spec.containers.find((c) => c.name === 'auth');
    if (!auth) throw new Error('fixture lost its auth container');
    expect(probeTimings(auth)).toEqual({ unreadyAfterSeconds: 31 });
  });
});
