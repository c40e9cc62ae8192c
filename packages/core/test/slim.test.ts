/**
 * slimObject() against objects captured from the local cluster with
 * `kubectl get … -o json --show-managed-fields`: the demo's frontend Pod (ConfigMap, Secret and the
 * injected kube-api-access volumes) and the kubectl-applied `api` Deployment (last-applied annotation).
 */

import { setFlagsFromString } from 'node:v8';
import type { KubernetesObject, V1Deployment, V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { LAST_APPLIED, podStatus, slimObject } from '../src/index';
import deploymentJson from './fixtures/captured-slim-deployment-api.json';
import podJson from './fixtures/captured-slim-pod-frontend.json';

const pod = podJson as unknown as V1Pod;
const deployment = deploymentJson as unknown as V1Deployment;
const size = (x: unknown) => JSON.stringify(x).length;

/** Paths of `part` whose value differs from `whole` at the same path (a subset has none). */
function notInWhole(part: unknown, whole: unknown, at = ''): string[] {
  if (part === null || typeof part !== 'object') return Object.is(part, whole) ? [] : [at];
  if (whole === null || typeof whole !== 'object') return [at];
  if (Array.isArray(part)) {
    // Arrays may lose elements (projected sources): each kept element must equal-or-contain one of whole's.
    const w = whole as unknown[];
    return part.flatMap((p, i) =>
      w.some((candidate) => notInWhole(p, candidate).length === 0) ? [] : [`${at}[${i}]`],
    );
  }
  return Object.entries(part).flatMap(([k, v]) =>
    notInWhole(v, (whole as Record<string, unknown>)[k], `${at}.${k}`),
  );
}

describe('slimObject', () => {
  it('drops managedFields and the last-applied annotation of a kubectl-applied Deployment, nothing else', () => {
    expect(deployment.metadata?.managedFields?.length).toBeGreaterThan(0);
    expect(deployment.metadata?.annotations?.[LAST_APPLIED]).toBeDefined();
    const slim = slimObject('deployments', deployment);
    expect(slim.metadata?.managedFields).toBeUndefined();
    expect(slim.metadata?.annotations?.[LAST_APPLIED]).toBeUndefined();
    expect(slim.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe(
      deployment.metadata?.annotations?.['deployment.kubernetes.io/revision'],
    );
    expect(slim.metadata?.resourceVersion).toBe(deployment.metadata?.resourceVersion);
    // The rollout view and the template diffs read spec and status as they are.
    expect(slim.spec).toEqual(deployment.spec);
    expect(slim.status).toEqual(deployment.status);
    expect(size(slim) / size(deployment)).toBeLessThan(0.45);
  });

  it('keeps what the pods list prints and the relations, health and rollout views read', () => {
    const slim = slimObject('pods', pod);
    // READY, STATUS, RESTARTS and the last restart's time, as kubectl prints them.
    expect(podStatus(slim)).toEqual(podStatus(pod));
    expect(slim.metadata?.ownerReferences).toEqual(pod.metadata?.ownerReferences);
    expect(slim.metadata?.labels).toEqual(pod.metadata?.labels);
    expect(slim.status?.conditions?.map((c) => [c.type, c.status])).toEqual(
      pod.status?.conditions?.map((c) => [c.type, c.status]),
    );
    expect(slim.status?.containerStatuses).toEqual(pod.status?.containerStatuses);
    expect(slim.status?.podIP).toBe(pod.status?.podIP);
    expect(slim.spec?.nodeName).toBe(pod.spec?.nodeName);
    const [full] = pod.spec?.containers ?? [];
    const [kept] = slim.spec?.containers ?? [];
    for (const field of [
      'image',
      'ports',
      'readinessProbe',
      'livenessProbe',
      'env',
      'envFrom',
      'volumeMounts',
    ] as const) {
      expect(kept?.[field], field).toEqual(full?.[field]);
    }
    // "Used by": the ConfigMap and Secret volumes stay, and the injected volume still names kube-root-ca.crt.
    expect(slim.spec?.volumes?.map((v) => v.name)).toEqual(pod.spec?.volumes?.map((v) => v.name));
    const injected = slim.spec?.volumes?.find((v) => v.projected);
    expect(injected?.projected?.sources).toEqual([
      expect.objectContaining({ configMap: expect.objectContaining({ name: 'kube-root-ca.crt' }) }),
    ]);
  });

  it('drops the defaulted fields no view prints, and is a subset of the object it came from', () => {
    const slim = slimObject('pods', pod);
    expect(slim.metadata?.managedFields).toBeUndefined();
    expect(slim.spec?.tolerations).toBeUndefined();
    expect(slim.spec?.schedulerName).toBeUndefined();
    expect(slim.spec?.containers[0]?.terminationMessagePath).toBeUndefined();
    expect(notInWhole(slim, pod)).toEqual([]);
    expect(size(slim) / size(pod)).toBeLessThan(0.5);
  });

  it('never changes the object it is given', () => {
    const before = JSON.stringify(pod);
    slimObject('pods', pod);
    slimObject('deployments', deployment as KubernetesObject);
    expect(JSON.stringify(pod)).toBe(before);
  });
  it("holds plain objects in V8's fast mode: no class instances, no dictionary-mode objects", () => {
    // The live cache holds one slim object per watched pod (100,000 of them at the scale goal). A
    // `delete` turns an object into a hash table, several times larger than the same object in fast
    // mode; a class instance (client-node's V1Pod) would carry what JSON.parse never makes.
    setFlagsFromString('--allow-natives-syntax');
    const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;
    setFlagsFromString('--no-allow-natives-syntax');
    const slow: string[] = [];
    const walk = (o: unknown, at: string) => {
      if (o === null || typeof o !== 'object') return;
      if (!Array.isArray(o)) {
        if (Object.getPrototypeOf(o) !== Object.prototype) slow.push(`${at} (not a plain object)`);
        else if (!hasFastProperties(o)) slow.push(`${at} (dictionary mode)`);
      }
      for (const [k, v] of Object.entries(o)) walk(v, `${at}.${k}`);
    };
    // As the informer gets it: parsed from the apiserver's JSON.
    walk(slimObject('pods', JSON.parse(JSON.stringify(pod)) as V1Pod), 'pod');
    walk(slimObject('deployments', JSON.parse(JSON.stringify(deployment)) as V1Deployment), 'deployment');
    expect(slow).toEqual([]);
  });
});
