import type {
  KubernetesObject,
  V1Container,
  V1ObjectMeta,
  V1Pod,
  V1PodSpec,
  V1PodStatus,
  V1Volume,
} from '@kubernetes/client-node';

/**
 * What the dashboard's live lists hold and send: the object without what no list, relation, health
 * or rollout view reads. Object pages (Overview, YAML, edit) read the full object by GET instead.
 *
 * Every kind loses `metadata.managedFields` and kubectl's last-applied annotation (a second copy of
 * the object as the user applied it: 40 % of a kubectl-applied Deployment's JSON). A Pod also loses
 * the fields the apiserver defaults and no view prints: scheduling and DNS policy, tolerations,
 * security context, the deprecated `serviceAccount`, termination settings, each container's
 * termination message and pull policy, the service-account token and downward-API sources of
 * projected volumes (their ConfigMap and Secret sources stay: relations read them), duplicate
 * single-address `podIPs`/`hostIPs`, and null `lastProbeTime`s. Kept on purpose: containers'
 * images, ports, probes, env, envFrom and volumeMounts, volumes, owners, labels, conditions and
 * statuses — the kubectl columns, selectors, "used by", health and rollout views read them.
 *
 * Pure: returns a new object (sharing the untouched parts of `obj`), never changes `obj`.
 */
export function slimObject<T extends KubernetesObject>(kind: string, obj: T): T {
  const out: T = { ...obj };
  if (obj.metadata) out.metadata = slimMeta(obj.metadata);
  if (kind === 'pods') return slimPod(out as V1Pod) as T;
  return out;
}

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function slimMeta(meta: V1ObjectMeta): V1ObjectMeta {
  const { managedFields: _managed, ...rest } = meta;
  if (rest.annotations && LAST_APPLIED in rest.annotations) {
    const { [LAST_APPLIED]: _applied, ...annotations } = rest.annotations;
    rest.annotations = annotations;
  }
  return rest;
}

function slimPod(pod: V1Pod): V1Pod {
  if (pod.spec) pod.spec = slimPodSpec(pod.spec);
  if (pod.status) pod.status = slimPodStatus(pod.status);
  return pod;
}

function slimPodSpec(spec: V1PodSpec): V1PodSpec {
  const {
    tolerations: _tolerations,
    dnsPolicy: _dns,
    schedulerName: _scheduler,
    securityContext: _security,
    serviceAccount: _deprecatedAlias,
    enableServiceLinks: _links,
    preemptionPolicy: _preemption,
    priority: _priority,
    terminationGracePeriodSeconds: _grace,
    ...rest
  } = spec;
  rest.containers = spec.containers.map(slimContainer);
  if (spec.initContainers) rest.initContainers = spec.initContainers.map(slimContainer);
  if (spec.volumes) rest.volumes = spec.volumes.map(slimVolume);
  return rest;
}

function slimContainer(c: V1Container): V1Container {
  const {
    terminationMessagePath: _path,
    terminationMessagePolicy: _policy,
    imagePullPolicy: _pull,
    ...rest
  } = c;
  return rest;
}

function slimVolume(v: V1Volume): V1Volume {
  if (!v.projected?.sources) return v;
  // Only ConfigMap and Secret sources name another object ("used by"); the token and downward-API
  // sources of the injected kube-api-access volume are the same in every pod.
  const sources = v.projected.sources.filter((s) => s.configMap || s.secret);
  return { ...v, projected: { ...v.projected, sources } };
}

function slimPodStatus(status: V1PodStatus): V1PodStatus {
  // Rest, not `delete`: a deleted property turns the object into a hash table, several times larger
  // in V8 than the same object in fast mode, and the cache holds one per pod.
  const { podIPs, hostIPs, ...others } = status;
  const rest: V1PodStatus = others;
  if (podIPs && !(podIPs.length <= 1 && podIPs[0]?.ip === status.podIP)) rest.podIPs = podIPs;
  if (hostIPs && !(hostIPs.length <= 1 && hostIPs[0]?.ip === status.hostIP)) rest.hostIPs = hostIPs;
  if (rest.conditions) {
    rest.conditions = rest.conditions.map((c) => {
      if (c.lastProbeTime !== null) return c;
      const { lastProbeTime: _never, ...kept } = c;
      return kept;
    });
  }
  return rest;
}
