/**
 * Probe lint: configurations that make a Pod unhealthy in ways its owner did not intend. Each rule is
 * a small function from a container (and what selects the pod) to findings, run by `lintProbes`.
 */
import type { V1Container, V1Pod, V1Probe } from '@kubernetes/client-node';
import { isRestartableInitContainer, type ProbeKind, probeSettings } from '@wheelhouse/core';

export interface LintFinding {
  rule:
    | 'no-readiness-behind-service'
    | 'liveness-equals-readiness'
    | 'liveness-without-startup'
    | 'timeout-not-below-period'
    | 'liveness-failure-threshold-1';
  container: string;
  probe?: ProbeKind;
  severity: 'warning' | 'info';
  message: string;
}

interface LintContext {
  /** Names of the Services whose selector selects the pod. */
  services: readonly string[];
}

type Rule = (c: V1Container, ctx: LintContext) => LintFinding[];

const probesOf = (c: V1Container): Array<[ProbeKind, V1Probe]> =>
  (
    [
      ['readiness', c.readinessProbe],
      ['liveness', c.livenessProbe],
      ['startup', c.startupProbe],
    ] as Array<[ProbeKind, V1Probe | undefined]>
  ).filter((p): p is [ProbeKind, V1Probe] => p[1] !== undefined);

/** The probe with defaults applied, keys sorted: two probes that behave the same print the same. */
function canonical(p: V1Probe): string {
  const {
    initialDelaySeconds,
    periodSeconds,
    timeoutSeconds,
    successThreshold,
    failureThreshold,
    ...handler
  } = p;
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>)
              .filter(([, x]) => x !== undefined && x !== null)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, x]) => [k, sort(x)]),
          )
        : v;
  // successThreshold is always 1 for liveness: leave it out of the comparison.
  const s = probeSettings(p);
  return JSON.stringify([
    sort(handler),
    s.initialDelaySeconds,
    s.periodSeconds,
    s.timeoutSeconds,
    s.failureThreshold,
  ]);
}

const noReadinessBehindService: Rule = (c, ctx) =>
  ctx.services.length > 0 && c.readinessProbe === undefined
    ? [
        {
          rule: 'no-readiness-behind-service',
          container: c.name,
          severity: 'warning',
          message: `No readiness probe, but Service ${ctx.services.join(', ')} sends traffic to this pod: it is counted ready as soon as the container starts, before it can serve, and stays in rotation when it cannot.`,
        },
      ]
    : [];

const livenessEqualsReadiness: Rule = (c) =>
  c.livenessProbe && c.readinessProbe && canonical(c.livenessProbe) === canonical(c.readinessProbe)
    ? [
        {
          rule: 'liveness-equals-readiness',
          container: c.name,
          probe: 'liveness',
          severity: 'warning',
          message:
            'The liveness probe is identical to the readiness probe: a container that is only busy (unready) is also restarted, which turns overload into restarts. Make liveness check that the process is alive, or give it a longer failure budget.',
        },
      ]
    : [];

const livenessWithoutStartup: Rule = (c) => {
  if (!c.livenessProbe || c.startupProbe) return [];
  const s = probeSettings(c.livenessProbe);
  const budget = s.initialDelaySeconds + s.failureThreshold * s.periodSeconds;
  return [
    {
      rule: 'liveness-without-startup',
      container: c.name,
      probe: 'liveness',
      severity: budget < 60 ? 'warning' : 'info',
      message: `Liveness probe without a startupProbe: the container must pass it within about ${budget}s of starting (initialDelaySeconds ${s.initialDelaySeconds} + ${s.failureThreshold} failures × ${s.periodSeconds}s) or it is killed and restarted — a slow start becomes a restart loop. A startupProbe holds liveness back until start-up is done.`,
    },
  ];
};

const timeoutNotBelowPeriod: Rule = (c) =>
  probesOf(c).flatMap(([kind, p]) => {
    const s = probeSettings(p);
    return s.timeoutSeconds >= s.periodSeconds
      ? [
          {
            rule: 'timeout-not-below-period' as const,
            container: c.name,
            probe: kind,
            severity: 'warning' as const,
            message: `The ${kind} probe's timeoutSeconds (${s.timeoutSeconds}s) is not below its periodSeconds (${s.periodSeconds}s): a hanging check is still running when the next one is due, so failures are detected later than the period suggests.`,
          },
        ]
      : [];
  });

const livenessFailureThresholdOne: Rule = (c) =>
  c.livenessProbe && probeSettings(c.livenessProbe).failureThreshold === 1
    ? [
        {
          rule: 'liveness-failure-threshold-1',
          container: c.name,
          probe: 'liveness',
          severity: 'warning',
          message:
            'The liveness probe has failureThreshold 1: a single slow or dropped check restarts the container. Allow a few failures (the default is 3).',
        },
      ]
    : [];

export const RULES: readonly Rule[] = [
  noReadinessBehindService,
  livenessEqualsReadiness,
  livenessWithoutStartup,
  timeoutNotBelowPeriod,
  livenessFailureThresholdOne,
];

/** The containers whose probes run for the pod's whole life: sidecars (restartable init containers) and app containers. */
export function probedContainers(pod: V1Pod): V1Container[] {
  return [
    ...(pod.spec?.initContainers ?? []).filter(isRestartableInitContainer),
    ...(pod.spec?.containers ?? []),
  ];
}

/** Every finding for every sidecar and app container of the pod. */
export function lintProbes(pod: V1Pod, ctx: LintContext): LintFinding[] {
  return probedContainers(pod).flatMap((c) => RULES.flatMap((rule) => rule(c, ctx)));
}
