/**
 * Container probes: a readable description of each probe and the worst-case timings they imply.
 *
 * Defaults are the API server's (SetDefaults_Probe): a period, timeout, success or failure threshold that is
 * unset or 0 becomes 10s, 1s, 1 and 3; initialDelaySeconds defaults to 0.
 */
import type { IntOrString, V1Container, V1Probe } from '@kubernetes/client-node';

export type ProbeKind = 'readiness' | 'liveness' | 'startup';

/** A probe's timing fields with the API defaults filled in (all in seconds or counts). */
export interface ProbeSettings {
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  successThreshold: number;
  failureThreshold: number;
}

export const PROBE_DEFAULTS: ProbeSettings = {
  initialDelaySeconds: 0,
  periodSeconds: 10,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 3,
};

/** Unset or 0 takes the default, as SetDefaults_Probe does. */
function orDefault(value: number | undefined, fallback: number): number {
  return value === undefined || value === null || value === 0 ? fallback : value;
}

/** The probe's timing with defaults applied. */
export function probeSettings(probe: V1Probe): ProbeSettings {
  return {
    initialDelaySeconds: probe.initialDelaySeconds ?? PROBE_DEFAULTS.initialDelaySeconds,
    periodSeconds: orDefault(probe.periodSeconds, PROBE_DEFAULTS.periodSeconds),
    timeoutSeconds: orDefault(probe.timeoutSeconds, PROBE_DEFAULTS.timeoutSeconds),
    successThreshold: orDefault(probe.successThreshold, PROBE_DEFAULTS.successThreshold),
    failureThreshold: orDefault(probe.failureThreshold, PROBE_DEFAULTS.failureThreshold),
  };
}

export interface ResolvedPort {
  /** The port number, or undefined when a named port is not declared on the container. */
  port: number | undefined;
  /** The name when the probe referred to a named port. */
  name?: string;
}

/** Resolves a probe's port (a number, or the name of one of container.ports) the way the kubelet does. */
export function resolveProbePort(port: IntOrString, container: V1Container): ResolvedPort {
  if (typeof port === 'number') return { port };
  const declared = container.ports?.find((p) => p.name === port);
  return { port: declared?.containerPort, name: port };
}

function portSuffix(resolved: ResolvedPort): string {
  if (resolved.name === undefined) return '';
  if (resolved.port === undefined) return ` (port "${resolved.name}" is not declared by the container)`;
  return ` (port "${resolved.name}")`;
}

function portText(resolved: ResolvedPort): string {
  return resolved.port === undefined ? (resolved.name ?? '') : String(resolved.port);
}

/** What the probe does, e.g. `HTTP GET http://:8080/healthz (port "http")` or `TCP socket :5432`. */
export function describeProbeAction(probe: V1Probe, container: V1Container): string {
  if (probe.httpGet) {
    const action = probe.httpGet;
    const resolved = resolveProbePort(action.port, container);
    const scheme = (action.scheme ?? 'HTTP').toLowerCase();
    const path = action.path ? (action.path.startsWith('/') ? action.path : `/${action.path}`) : '/';
    const headers = (action.httpHeaders ?? []).map((h) => `${h.name}: ${h.value}`);
    const headerText =
      headers.length > 0 ? ` with header${headers.length > 1 ? 's' : ''} ${headers.join(', ')}` : '';
    return `HTTP GET ${scheme}://${action.host ?? ''}:${portText(resolved)}${path}${portSuffix(resolved)}${headerText}`;
  }
  if (probe.tcpSocket) {
    const resolved = resolveProbePort(probe.tcpSocket.port, container);
    return `TCP socket ${probe.tcpSocket.host ?? ''}:${portText(resolved)}${portSuffix(resolved)}`;
  }
  if (probe.grpc) {
    const service = probe.grpc.service ? ` (service "${probe.grpc.service}")` : '';
    return `gRPC health check :${probe.grpc.port}${service}`;
  }
  if (probe.exec) {
    return `exec [${(probe.exec.command ?? []).join(' ')}]`;
  }
  return 'no probe handler';
}

/** Which of the container's probes this is, by identity; undefined for a probe the container does not hold. */
function kindOf(probe: V1Probe, container: V1Container): ProbeKind | undefined {
  if (probe === container.readinessProbe) return 'readiness';
  if (probe === container.livenessProbe) return 'liveness';
  if (probe === container.startupProbe) return 'startup';
  return undefined;
}

const FAILURE_OUTCOME: Record<ProbeKind, string> = {
  readiness: 'unready',
  liveness: 'restart',
  startup: 'restart',
};

function plural(count: number, singular: string, pluralForm: string): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/**
 * A sentence describing a probe, e.g.
 * `HTTP GET http://:8080/healthz (port "http") every 10s, timeout 1s, after 5s delay; 3 failures → unready`.
 * Named ports are resolved through container.ports. The outcome of failing is "unready" for a readiness
 * probe and "restart" for liveness and startup probes; `kind` defaults to whichever of the container's
 * probes `probe` is (compared by identity), and the sentence says "failed" when that is unknown.
 * A readiness successThreshold above 1 is mentioned as "N successes → ready".
 */
export function describeProbe(probe: V1Probe, container: V1Container, kind?: ProbeKind): string {
  const settings = probeSettings(probe);
  const resolvedKind = kind ?? kindOf(probe, container);
  const outcome = resolvedKind === undefined ? 'failed' : FAILURE_OUTCOME[resolvedKind];
  let text = `${describeProbeAction(probe, container)} every ${settings.periodSeconds}s, timeout ${settings.timeoutSeconds}s`;
  if (settings.initialDelaySeconds > 0) text += `, after ${settings.initialDelaySeconds}s delay`;
  text += `; ${plural(settings.failureThreshold, 'failure', 'failures')} → ${outcome}`;
  if (settings.successThreshold > 1)
    text += `, ${plural(settings.successThreshold, 'success', 'successes')} → ready`;
  return text;
}

export interface ProbeTimings {
  /**
   * Readiness probe: worst-case seconds from a container breaking to the pod being marked unready
   * (and removed from Service endpoints). Undefined without a readiness probe.
   */
  unreadyAfterSeconds?: number;
  /**
   * Liveness probe: worst-case seconds from a container breaking to the kubelet deciding to restart it
   * (termination grace period not included). Undefined without a liveness probe.
   */
  restartAfterSeconds?: number;
  /**
   * The longest start-up the probes allow before the container is restarted. Undefined when nothing
   * bounds it (no startup and no liveness probe).
   */
  maxStartupSeconds?: number;
}

/**
 * Worst-case timings implied by a container's probes (defaults applied):
 *
 * - unready (readiness probe) = failureThreshold × periodSeconds + timeoutSeconds.
 *   The container breaks just after a successful probe; probes start every periodSeconds, so the
 *   failureThreshold-th failing probe starts failureThreshold × periodSeconds later and, if it hangs,
 *   fails only after timeoutSeconds more.
 * - restart (liveness probe) = failureThreshold × periodSeconds + timeoutSeconds, by the same reasoning.
 * - start-up budget, with a startupProbe = initialDelaySeconds + failureThreshold × periodSeconds (the
 *   formula of the Kubernetes documentation; liveness and readiness probes only begin after it succeeds).
 *   Without a startupProbe the liveness probe bounds start-up:
 *   initialDelaySeconds + failureThreshold × periodSeconds of the liveness probe.
 */
export function probeTimings(container: V1Container): ProbeTimings {
  const timings: ProbeTimings = {};
  const worstCaseDetection = (probe: V1Probe): number => {
    const s = probeSettings(probe);
    return s.failureThreshold * s.periodSeconds + s.timeoutSeconds;
  };
  const startupBudget = (probe: V1Probe): number => {
    const s = probeSettings(probe);
    return s.initialDelaySeconds + s.failureThreshold * s.periodSeconds;
  };

  if (container.readinessProbe) timings.unreadyAfterSeconds = worstCaseDetection(container.readinessProbe);
  if (container.livenessProbe) timings.restartAfterSeconds = worstCaseDetection(container.livenessProbe);
  if (container.startupProbe) timings.maxStartupSeconds = startupBudget(container.startupProbe);
  else if (container.livenessProbe) timings.maxStartupSeconds = startupBudget(container.livenessProbe);
  return timings;
}
