/**
 * Editing one object from YAML (PUT /api/objects/:kind/:ns/:name) against the real local cluster: the
 * dry run shows what the apiserver would store (defaulting and admission included) and writes
 * nothing, the apply writes with the resourceVersion the user started from, and every refusal is the
 * apiserver's own (409, 422 with causes, strict field validation) or a 400 before the cluster is asked.
 */
import {
  AdmissionregistrationV1Api,
  AppsV1Api,
  CoreV1Api,
  type KubeConfig,
  type V1Deployment,
  type V1Service,
} from '@kubernetes/client-node';
import { createDeployment, createTestNamespace, ensureCluster, kubectl, waitFor } from '@wheelhouse/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WheelhouseApp } from '../src/app';
import { memoryLogger, startBff } from './support';
import { auditLines, fetchObject, writesOf, yamlOf } from './writes-support';

describe('edit one object from YAML, as the caller, with the resourceVersion the user started from', () => {
  let app: WheelhouseApp;
  let url: string;
  let kc: KubeConfig;
  let apps: AppsV1Api;
  let ns: { name: string; cleanup(): Promise<void> };
  let writes: ReturnType<typeof writesOf>;
  const logged = memoryLogger();
  const policy = `wh-test-max-replicas-${Math.random().toString(36).slice(2, 8)}`;

  const read = () => apps.readNamespacedDeployment({ name: 'web', namespace: ns.name });
  /** The Deployment as the web would edit it: the BFF's GET, changed by `change`. */
  async function edited(change: (d: V1Deployment) => void): Promise<{ yaml: string; rv: string }> {
    const d = await fetchObject<V1Deployment>(url, 'deployments', ns.name, 'web');
    const rv = d.metadata?.resourceVersion ?? '';
    change(d);
    return { yaml: yamlOf(d), rv };
  }

  /**
   * An edit of the Deployment made from a fresh read, read again and retried (≤ 5 times) on a 409 as a
   * user would: the controllers write its status while it rolls out.
   */
  async function editFresh(change: (d: V1Deployment) => void, dryRun: boolean) {
    let res: Awaited<ReturnType<typeof writes.edit>> | undefined;
    for (let i = 0; i < 5; i++) {
      const { yaml, rv } = await edited(change);
      res = await writes.edit('deployments', ns.name, 'web', { yaml, resourceVersion: rv, dryRun });
      if (res.status !== 409) return res;
      await new Promise((r) => setTimeout(r, 200));
    }
    return res as NonNullable<typeof res>;
  }

  beforeAll(async () => {
    ({ kc } = await ensureCluster());
    apps = kc.makeApiClient(AppsV1Api);
    ns = await createTestNamespace(kc, 'bff-writes-edit');
    await createDeployment(kc, ns.name, 'web', { replicas: 1, image: 'registry.invalid/web:1' });
    // Rolled out, so the controllers are done writing its status before the first edit's read.
    await waitFor(
      async () => {
        const d = await read();
        return d.status?.readyReplicas === 1 && d.status.observedGeneration === d.metadata?.generation;
      },
      { timeoutMs: 90_000, intervalMs: 250, what: 'deployment web to be ready' },
    );
    ({ app, url } = await startBff({ log: logged.log }));
    writes = writesOf(url);
  });
  afterAll(async () => {
    await app?.close();
    await kc
      ?.makeApiClient(AdmissionregistrationV1Api)
      .deleteValidatingAdmissionPolicyBinding({ name: policy })
      .catch(() => undefined);
    await kc
      ?.makeApiClient(AdmissionregistrationV1Api)
      .deleteValidatingAdmissionPolicy({ name: policy })
      .catch(() => undefined);
    await ns?.cleanup();
  });

  it("edits a Deployment's image: the dry run shows it with the apiserver's defaults and writes nothing, then the apply writes it", async () => {
    const before = await read();
    const { yaml, rv } = await edited((d) => {
      const containers = d.spec?.template?.spec?.containers ?? [];
      (containers[0] as { image: string }).image = 'registry.invalid/web:2';
      // A new container written without the fields the apiserver defaults.
      containers.push({ name: 'sidecar', image: 'registry.invalid/sidecar:1' });
    });
    const dry = await writes.edit('deployments', ns.name, 'web', { yaml, resourceVersion: rv, dryRun: true });
    expect(dry.status, dry.text).toBe(200);
    expect(dry.json.dryRun).toBe(true);
    const wouldBe = (dry.json.object as V1Deployment).spec?.template?.spec?.containers ?? [];
    expect(wouldBe.map((c) => c.image)).toEqual(['registry.invalid/web:2', 'registry.invalid/sidecar:1']);
    expect(wouldBe[1]).toMatchObject({
      imagePullPolicy: 'IfNotPresent',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
    });
    expect(dry.json.object.metadata?.managedFields).toBeUndefined();
    expect(dry.json.live?.metadata?.resourceVersion).toBe(rv);
    const unchanged = await read();
    expect(unchanged.metadata?.generation).toBe(before.metadata?.generation);
    expect(unchanged.spec?.template?.spec?.containers.map((c) => c.image)).toEqual([
      'registry.invalid/web:1',
    ]);

    const applied = await writes.edit('deployments', ns.name, 'web', {
      yaml,
      resourceVersion: rv,
      dryRun: false,
    });
    expect(applied.status, applied.text).toBe(200);
    expect(applied.json.dryRun).toBe(false);
    const after = await read();
    expect(after.spec?.template?.spec?.containers.map((c) => c.image)).toEqual([
      'registry.invalid/web:2',
      'registry.invalid/sidecar:1',
    ]);
    expect(after.metadata?.generation).toBe((before.metadata?.generation ?? 0) + 1);
    expect(applied.json.object.metadata?.generation).toBe(after.metadata?.generation);
    // Who, what, dry run or not, result — and never the YAML.
    const audit = auditLines(logged.lines).slice(-2);
    expect(
      audit.map(({ verb, kind, namespace, name, dryRun, code }) => ({
        verb,
        kind,
        namespace,
        name,
        dryRun,
        code,
      })),
    ).toEqual([
      { verb: 'update', kind: 'deployments', namespace: ns.name, name: 'web', dryRun: true, code: 200 },
      { verb: 'update', kind: 'deployments', namespace: ns.name, name: 'web', dryRun: false, code: 200 },
    ]);
    expect(audit[0]?.user).toMatch(/^context:./);
    expect(logged.lines.join('\n')).not.toContain('sidecar:1');
  });

  it("409s with the apiserver's message on a stale resourceVersion, dry run or not, and changes nothing", async () => {
    const { yaml, rv } = await edited((d) => {
      (d.spec?.template?.spec?.containers[0] as { image: string }).image = 'registry.invalid/web:3';
    });
    // Someone else changes the Deployment after the user started editing.
    await kubectl(['-n', ns.name, 'annotate', 'deployment/web', 'touched=yes', '--overwrite']);
    const before = await read();
    for (const dryRun of [true, false]) {
      const res = await writes.edit('deployments', ns.name, 'web', { yaml, resourceVersion: rv, dryRun });
      expect(res.status, res.text).toBe(409);
      expect(res.json.error).toMatchObject({ reason: 'Conflict', source: 'apiserver' });
      expect(res.json.error?.message).toMatch(/the object has been modified/);
    }
    const after = await read();
    expect(after.spec).toEqual(before.spec);
    expect(auditLines(logged.lines).at(-1)).toMatchObject({ verb: 'update', dryRun: false, code: 409 });
  });

  it('names the field a strict field validation refuses (an unknown field is never dropped silently)', async () => {
    const { yaml, rv } = await edited((d) => {
      (d.spec as unknown as Record<string, unknown>).replicaz = 3;
    });
    const res = await writes.edit('deployments', ns.name, 'web', { yaml, resourceVersion: rv, dryRun: true });
    expect(res.status, res.text).toBe(400);
    expect(res.json.error).toMatchObject({
      reason: 'BadRequest',
      source: 'apiserver',
      field: 'spec.replicaz',
    });
    expect(res.json.error?.message).toContain('unknown field "spec.replicaz"');
  });

  it("answers 422 with the apiserver's causes for an immutable field: a Deployment's selector, a Service's clusterIP, an immutable Secret", async () => {
    const res = await editFresh((d) => {
      const spec = d.spec as NonNullable<V1Deployment['spec']>;
      spec.selector = { matchLabels: { app: 'other' } };
      spec.template.metadata = { ...spec.template.metadata, labels: { app: 'other' } };
    }, false);
    expect(res.status, res.text).toBe(422);
    expect(res.json.error).toMatchObject({ reason: 'Invalid', source: 'apiserver' });
    expect(res.json.error?.causes).toContainEqual(
      expect.objectContaining({ field: 'spec.selector', reason: 'FieldValueInvalid' }),
    );
    expect(res.json.error?.causes?.find((c) => c.field === 'spec.selector')?.message).toMatch(
      /field is immutable/,
    );

    await kubectl(['-n', ns.name, 'create', 'service', 'clusterip', 'api', '--tcp=80:8080']);
    const svc = await fetchObject<V1Service>(url, 'services', ns.name, 'api');
    const rv = svc.metadata?.resourceVersion ?? '';
    const ip = svc.spec?.clusterIP ?? '';
    const other = ip.replace(/\d+$/, (n) => String((Number(n) % 200) + 20));
    svc.spec = { ...svc.spec, clusterIP: other, clusterIPs: [other] };
    const moved = await writes.edit('services', ns.name, 'api', {
      yaml: yamlOf(svc),
      resourceVersion: rv,
      dryRun: true,
    });
    expect(moved.status, moved.text).toBe(422);
    expect(moved.json.error?.causes?.some((c) => c.field?.startsWith('spec.clusterIP'))).toBe(true);
    expect(moved.json.error?.message).toMatch(/may not change once set/);

    const core = kc.makeApiClient(CoreV1Api);
    await core.createNamespacedSecret({
      namespace: ns.name,
      body: { metadata: { name: 'sealed' }, immutable: true, stringData: { k: 'v' } },
    });
    const sealed = await fetchObject(url, 'secrets', ns.name, 'sealed');
    const yaml = yamlOf({
      ...sealed,
      dataSizes: undefined,
      data: { k: Buffer.from('w').toString('base64') },
    });
    const frozen = await writes.edit('secrets', ns.name, 'sealed', {
      yaml,
      resourceVersion: sealed.metadata?.resourceVersion,
      dryRun: false,
    });
    expect(frozen.status, frozen.text).toBe(422);
    expect(frozen.json.error?.causes?.[0]?.field).toBe('data');
    expect(frozen.json.error?.message).toMatch(/field is immutable when `immutable` is set/);
    const still = await core.readNamespacedSecret({ name: 'sealed', namespace: ns.name });
    expect(Buffer.from(still.data?.k ?? '', 'base64').toString()).toBe('v');
  });

  it('400s, before asking the cluster, on YAML that is not one object of this kind, name and namespace', async () => {
    const d = await fetchObject<V1Deployment>(url, 'deployments', ns.name, 'web');
    const rv = d.metadata?.resourceVersion ?? '';
    const yaml = yamlOf(d);
    const swap = (from: string, to: string) => yaml.replace(from, to);
    const cases: Array<[string, string, string, RegExp]> = [
      ['two documents', `${yaml}---\n${yaml}`, 'yaml', /holds 2 documents: an edit replaces one object/],
      [
        'another kind',
        swap('kind: Deployment', 'kind: StatefulSet'),
        'kind',
        /kind is "StatefulSet", but this is a Deployment/,
      ],
      [
        'another apiVersion',
        swap('apiVersion: apps/v1', 'apiVersion: apps/v1beta2'),
        'apiVersion',
        /edited as apps\/v1/,
      ],
      ['another name', swap('name: web\n', 'name: web-copy\n'), 'metadata.name', /renaming is not editing/],
      [
        'another namespace',
        swap(`namespace: ${ns.name}`, 'namespace: default'),
        'metadata.namespace',
        /cannot move an object/,
      ],
      ['invalid YAML', swap('spec:', 'spec: [\n'), 'yaml', /^invalid YAML at line \d+, column \d+/],
      ['an octal-looking number', swap('replicas: 1', 'replicas: 010'), 'yaml', /leading zero/],
    ];
    const requests = () =>
      app.metrics.registry.getSingleMetricAsString('wheelhouse_apiserver_request_seconds');
    const before = await requests();
    for (const [what, text, field, message] of cases) {
      const res = await writes.edit('deployments', ns.name, 'web', {
        yaml: text,
        resourceVersion: rv,
        dryRun: true,
      });
      expect(res.status, what).toBe(400);
      expect(res.json.error, what).toMatchObject({ reason: 'BadRequest', source: 'bff', field });
      expect(res.json.error?.message, what).toMatch(message);
    }
    expect(await requests()).toBe(before);
  });

  it("shows a ValidatingAdmissionPolicy's refusal at dry run, in its words, and writes nothing", async () => {
    const admission = kc.makeApiClient(AdmissionregistrationV1Api);
    await admission.createValidatingAdmissionPolicy({
      body: {
        metadata: { name: policy },
        spec: {
          failurePolicy: 'Fail',
          matchConstraints: {
            resourceRules: [
              {
                apiGroups: ['apps'],
                apiVersions: ['v1'],
                operations: ['CREATE', 'UPDATE'],
                resources: ['deployments'],
              },
            ],
          },
          validations: [
            { expression: 'object.spec.replicas <= 5', message: 'at most 5 replicas in this namespace' },
          ],
        },
      },
    });
    await admission.createValidatingAdmissionPolicyBinding({
      body: {
        metadata: { name: policy },
        spec: {
          policyName: policy,
          validationActions: ['Deny'],
          matchResources: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ns.name } } },
        },
      },
    });
    const before = await read();
    // The policy is live once the apiserver has loaded it: retry the dry run until it is refused.
    const refused = await waitFor(
      async () => {
        const res = await editFresh((d) => {
          (d.spec as { replicas: number }).replicas = 6;
        }, true);
        return res.status === 200 ? undefined : res;
      },
      { timeoutMs: 30_000, intervalMs: 500, what: 'the ValidatingAdmissionPolicy to refuse 6 replicas' },
    );
    expect(refused.status, refused.text).toBe(422);
    expect(refused.json.error?.source).toBe('apiserver');
    expect(refused.json.error?.message).toContain(`ValidatingAdmissionPolicy '${policy}'`);
    expect(refused.json.error?.message).toContain('at most 5 replicas in this namespace');
    const after = await read();
    expect(after.spec?.replicas).toBe(before.spec?.replicas);
    expect(after.metadata?.generation).toBe(before.metadata?.generation);
  });
});
