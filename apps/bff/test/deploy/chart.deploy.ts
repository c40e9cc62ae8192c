/**
 * The Helm chart, rendered by the pinned helm: lint, the shape of every object for the default
 * values and each opt-in tier, and the committed plain manifests are what the chart renders.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART, find, helm, type K8sObject, ROOT, renderChart, run } from './helpers';

const READ_KINDS: Array<[string, string]> = [
  ['', 'pods'],
  ['', 'pods/log'],
  ['', 'services'],
  ['', 'configmaps'],
  ['', 'events'],
  ['', 'namespaces'],
  ['', 'nodes'],
  ['apps', 'deployments'],
  ['apps', 'replicasets'],
  ['discovery.k8s.io', 'endpointslices'],
];

/** Flattened ClusterRole rules: "group/resource verb" strings. */
function grants(objects: K8sObject[]): Set<string> {
  const out = new Set<string>();
  for (const rule of find(objects, 'ClusterRole').rules as Array<{
    apiGroups: string[];
    resources: string[];
    verbs: string[];
  }>) {
    for (const g of rule.apiGroups)
      for (const r of rule.resources) for (const v of rule.verbs) out.add(`${g}/${r} ${v}`);
  }
  return out;
}

describe('helm chart deploy/chart/wheelhouse', () => {
  it.each([
    ['default values', []],
    ['edit tier', ['rbac.edit=true']],
    ['secrets tier', ['rbac.secrets.read=true']],
    ['edit + secrets write tier', ['rbac.edit=true', 'rbac.secrets.read=true', 'rbac.secrets.write=true']],
    ['exec tier', ['rbac.exec=true']],
    ['token mode behind an Ingress', ['mode=token', 'ingress.enabled=true']],
    ['three replicas', ['replicas=3']],
  ])('helm lint --strict passes with %s', async (_name, set) => {
    const r = await helm(['lint', '--strict', CHART, ...set.flatMap((s) => ['--set', s])]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('0 chart(s) failed');
  });

  it('default values: read-only ClusterRole on the dashboard kinds, no Secrets, no mutation, never a wildcard or cluster-admin', async () => {
    const { objects } = await renderChart();
    const g = grants(objects);
    for (const [group, res] of READ_KINDS)
      for (const v of ['get', 'list', 'watch']) expect(g).toContain(`${group}/${res} ${v}`);
    expect(g).toContain('authorization.k8s.io/selfsubjectaccessreviews create');
    expect([...g].filter((x) => x.includes('secrets'))).toEqual([]);
    const mutations = [...g].filter((x) => !/ (get|list|watch)$/.test(x));
    expect(mutations).toEqual(['authorization.k8s.io/selfsubjectaccessreviews create']);
    expect([...g].some((x) => x.includes('*'))).toBe(false);
    const binding = find(objects, 'ClusterRoleBinding');
    expect(binding.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'wheelhouse',
    });
    expect(binding.subjects).toEqual([
      { kind: 'ServiceAccount', name: 'wheelhouse', namespace: 'wheelhouse' },
    ]);
    expect(objects.map((o) => o.kind).sort()).toEqual(
      ['ClusterRole', 'ClusterRoleBinding', 'Deployment', 'Service', 'ServiceAccount'].sort(),
    );
  });

  it('edit tier adds exactly the rollout actions and the writes (create/update/patch/delete) on the kinds but Secrets; secrets tiers add exactly reads, then writes', async () => {
    const base = grants((await renderChart()).objects);
    const edit = grants((await renderChart(['rbac.edit=true'])).objects);
    const added = [...edit].filter((x) => !base.has(x)).sort();
    const writes = ['/pods', '/services', '/configmaps', 'apps/deployments', 'apps/replicasets'].flatMap(
      (r) => ['create', 'update', 'patch', 'delete'].map((v) => `${r} ${v}`),
    );
    expect(added).toEqual(
      [...writes, 'apps/deployments/scale patch', 'apps/deployments/scale update'].sort(),
    );
    expect(added.some((x) => x.includes('secrets'))).toBe(false);
    const secrets = grants((await renderChart(['rbac.secrets.read=true'])).objects);
    expect([...secrets].filter((x) => !base.has(x)).sort()).toEqual([
      '/secrets get',
      '/secrets list',
      '/secrets watch',
    ]);
    const secretWrites = grants(
      (await renderChart(['rbac.secrets.read=true', 'rbac.secrets.write=true'])).objects,
    );
    expect([...secretWrites].filter((x) => !secrets.has(x)).sort()).toEqual([
      '/secrets create',
      '/secrets delete',
      '/secrets patch',
      '/secrets update',
    ]);
    await expect(renderChart(['rbac.secrets.write=true'])).rejects.toThrow(
      /rbac.secrets.write needs rbac.secrets.read/,
    );
  });

  it('exec tier adds exactly create and get on pods/exec, and NOTES say that whoever reaches it gets a shell', async () => {
    const base = grants((await renderChart()).objects);
    const exec = grants((await renderChart(['rbac.exec=true'])).objects);
    expect([...exec].filter((x) => !base.has(x)).sort()).toEqual(['/pods/exec create', '/pods/exec get']);
    expect([...base].filter((x) => x.includes('exec'))).toEqual([]);
    const on = await helm(['install', 'wheelhouse', CHART, '--dry-run=client', '--set', 'rbac.exec=true']);
    expect(on.stdout).toContain('whoever reaches the dashboard gets a shell');
    const off = await helm(['install', 'wheelhouse', CHART, '--dry-run=client']);
    expect(off.stdout).not.toContain('gets a shell');
  });

  it('Deployment: in-cluster env, probes, resources, hardened securityContext, emptyDir /tmp; Service 80 → 7070', async () => {
    const { objects } = await renderChart();
    const dep = find(objects, 'Deployment');
    const pod = dep.spec.template.spec;
    expect(pod.serviceAccountName).toBe('wheelhouse');
    expect(pod.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 10001,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    const [c] = pod.containers;
    expect(c.image).toBe('wheelhouse:0.1.0');
    const env = Object.fromEntries(
      (c.env as Array<{ name: string; value: string }>).map((e) => [e.name, e.value]),
    );
    expect(env).toMatchObject({
      WHEELHOUSE_MODE: 'in-cluster',
      WHEELHOUSE_HOST: '0.0.0.0',
      WHEELHOUSE_PORT: '7070',
    });
    expect(c.ports).toEqual([{ name: 'http', containerPort: 7070, protocol: 'TCP' }]);
    expect(c.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(c.readinessProbe.httpGet).toEqual({
      path: '/readyz',
      port: 'http',
      // /readyz checks Host; kubelet would send the pod IP.
      httpHeaders: [{ name: 'Host', value: 'localhost' }],
    });
    expect(c.resources.requests).toBeDefined();
    expect(c.resources.limits.memory).toBeDefined();
    expect(c.securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 10001,
      runAsGroup: 10001,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(c.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
    expect(pod.volumes[0]).toMatchObject({ name: 'tmp', emptyDir: {} });
    const svc = find(objects, 'Service');
    expect(svc.spec.type).toBe('ClusterIP');
    expect(svc.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }]);
    expect(svc.spec.selector).toEqual(dep.spec.selector.matchLabels);
  });

  it.each([
    ['default values: off', [], undefined],
    [
      'heapFromMemoryLimit with the default 512Mi limit',
      ['heapFromMemoryLimit=true'],
      '--max-old-space-size=384',
    ],
    [
      'heapFromMemoryLimit with a 2Gi limit',
      ['heapFromMemoryLimit=true', 'resources.limits.memory=2Gi'],
      '--max-old-space-size=1536',
    ],
    [
      'heapFromMemoryLimit without a memory limit',
      ['heapFromMemoryLimit=true', 'resources.limits=null'],
      undefined,
    ],
  ])('Deployment: V8 old generation from the memory limit, %s', async (_name, set, expected) => {
    const { objects } = await renderChart(set);
    const [c] = find(objects, 'Deployment').spec.template.spec.containers;
    const env = c.env as Array<{ name: string; value?: string }>;
    expect(env.find((e) => e.name === 'NODE_OPTIONS')?.value).toBe(expected);
  });

  it('an Ingress needs token mode; with it the hosts are allowed and TLS marks the cookie Secure; no ClusterRole then', async () => {
    await expect(renderChart(['ingress.enabled=true'])).rejects.toThrow(/mode: token/);
    const { objects } = await renderChart([
      'mode=token',
      'ingress.enabled=true',
      'ingress.hosts[0].host=wh.example.internal',
      'ingress.hosts[0].paths[0].path=/',
      'ingress.hosts[0].paths[0].pathType=Prefix',
      'ingress.tls[0].secretName=wh-tls',
      'ingress.tls[0].hosts[0]=wh.example.internal',
    ]);
    const ing = find(objects, 'Ingress');
    expect(ing.spec.rules[0].host).toBe('wh.example.internal');
    expect(ing.spec.rules[0].http.paths[0].backend.service).toEqual({
      name: 'wheelhouse',
      port: { name: 'http' },
    });
    const env = Object.fromEntries(
      (
        find(objects, 'Deployment').spec.template.spec.containers[0].env as Array<{
          name: string;
          value: string;
        }>
      ).map((e) => [e.name, e.value]),
    );
    expect(env).toMatchObject({
      WHEELHOUSE_MODE: 'token',
      WHEELHOUSE_ALLOWED_HOSTS: 'wh.example.internal',
      WHEELHOUSE_SECURE_COOKIES: 'true',
    });
    expect(objects.some((o) => o.kind === 'ClusterRole')).toBe(false);
  });

  it('one replica by default: no PodDisruptionBudget, no spread, no shared CSRF Secret (a budget on one pod would block every drain)', async () => {
    const { objects } = await renderChart();
    const dep = find(objects, 'Deployment');
    expect(dep.spec.replicas).toBe(1);
    expect(dep.spec.template.spec.topologySpreadConstraints).toBeUndefined();
    expect(JSON.stringify(dep)).not.toContain('WHEELHOUSE_CSRF_TOKEN');
    expect(objects.some((o) => o.kind === 'PodDisruptionBudget' || o.kind === 'Secret')).toBe(false);
  });

  it('replicas=3: a budget of one replica away at a time, soft spread by node and zone, one CSRF token from a Secret, RBAC still read-only', async () => {
    const { objects } = await renderChart(['replicas=3']);
    const dep = find(objects, 'Deployment');
    const selector = dep.spec.selector.matchLabels;
    expect(dep.spec.replicas).toBe(3);
    const pdb = find(objects, 'PodDisruptionBudget');
    expect(pdb.apiVersion).toBe('policy/v1');
    expect(pdb.spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: selector } });
    const pod = dep.spec.template.spec;
    expect(pod.topologySpreadConstraints).toEqual(
      ['kubernetes.io/hostname', 'topology.kubernetes.io/zone'].map((topologyKey) => ({
        topologyKey,
        maxSkew: 1,
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: selector },
        matchLabelKeys: ['pod-template-hash'],
      })),
    );
    const secret = find(objects, 'Secret');
    expect(secret.metadata.name).toBe('wheelhouse-csrf');
    const token = Buffer.from(secret.data.token, 'base64').toString();
    expect(token).toMatch(/^[A-Za-z0-9]{43}$/);
    const env = pod.containers[0].env as Array<{ name: string; valueFrom?: unknown }>;
    expect(env.find((e) => e.name === 'WHEELHOUSE_CSRF_TOKEN')?.valueFrom).toEqual({
      secretKeyRef: { name: 'wheelhouse-csrf', key: 'token' },
    });
    // The pods roll when the token changes: the annotation is the checksum of the token in the Secret.
    expect(dep.spec.template.metadata.annotations['checksum/csrf']).toBe(
      createHash('sha256').update(token).digest('hex').slice(0, 16),
    );
    expect(grants(objects)).toEqual(grants((await renderChart()).objects));
  });

  it('replicas: a given csrfToken is used as is; the budget and the spread can be turned off or made hard', async () => {
    const token = 'k'.repeat(40);
    const given = await renderChart(['replicas=2', `csrfToken=${token}`]);
    expect(Buffer.from(find(given.objects, 'Secret').data.token, 'base64').toString()).toBe(token);
    const off = await renderChart([
      'replicas=2',
      'podDisruptionBudget.enabled=false',
      'topologySpread.enabled=false',
    ]);
    expect(off.objects.some((o) => o.kind === 'PodDisruptionBudget')).toBe(false);
    expect(find(off.objects, 'Deployment').spec.template.spec.topologySpreadConstraints).toBeUndefined();
    const hard = await renderChart(['replicas=2', 'topologySpread.whenUnsatisfiable=DoNotSchedule']);
    const spread = find(hard.objects, 'Deployment').spec.template.spec.topologySpreadConstraints as Array<{
      whenUnsatisfiable: string;
    }>;
    expect(spread.map((c) => c.whenUnsatisfiable)).toEqual(['DoNotSchedule', 'DoNotSchedule']);
    await expect(renderChart(['replicas=-1'])).rejects.toThrow(/\/replicas/);
    await expect(renderChart(['replicas=2', 'csrfToken=short'])).rejects.toThrow(/\/csrfToken/);
    await expect(renderChart(['topologySpread.whenUnsatisfiable=Maybe'])).rejects.toThrow(
      /\/topologySpread\/whenUnsatisfiable/,
    );
  });

  it('values.schema.json rejects a wrong mode, a non-boolean tier and a misspelt key', async () => {
    await expect(renderChart(['mode=admin'])).rejects.toThrow(/\/mode.*in-cluster.*token/);
    await expect(renderChart(['rbac.edit=yes'])).rejects.toThrow(/\/rbac\/edit.*boolean/);
    await expect(renderChart(['rbac.edits=true'])).rejects.toThrow(/additional properties 'edits'/);
    await expect(renderChart(['rbac.secrets.write=yes'])).rejects.toThrow(/\/rbac\/secrets\/write.*boolean/);
    await expect(renderChart(['rbac.exec=yes'])).rejects.toThrow(/\/rbac\/exec.*boolean/);
  });

  it('NOTES print the exact port-forward command and URL', async () => {
    const r = await helm(['install', 'wheelhouse', CHART, '--namespace', 'wheelhouse', '--dry-run=client']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('kubectl --namespace wheelhouse port-forward service/wheelhouse 7070:80');
    expect(r.stdout).toContain('http://127.0.0.1:7070/');
  });

  it('deploy/manifests/wheelhouse.yaml is what the chart renders with default values (no drift)', async () => {
    const r = await run(path.join(ROOT, 'deploy/render.sh'), ['--check'], { timeoutMs: 120_000 });
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    const text = readFileSync(path.join(ROOT, 'deploy/manifests/wheelhouse.yaml'), 'utf8');
    expect(text).toContain('kind: Namespace');
  });
});
