/**
 * The chart on the real local cluster, RBAC proven rather than assumed:
 *  - the committed plain manifests (default values) are server-side applied into a fresh namespace
 *    and the Deployment becomes Available (KWOK runs the pod, whatever the image);
 *  - the production bundle, started with a token of the chart's ServiceAccount, lists and watches
 *    the dashboard's kinds and gets 403 on Secrets;
 *  - `kubectl auth can-i --as=<the ServiceAccount>` denies every mutation by default, and the edit
 *    tier (rendered with rbac.edit=true, rbac.secrets.read=true, rbac.secrets.write=true,
 *    rbac.exec=true, applied into a second namespace) allows exactly the rollout actions, the writes of
 *    edit / create / delete / key editors on the six kinds, Secret reads and pods/exec (a shell);
 *    through the BFF's write routes the default tier gets 403 and the edit tier creates, edits and
 *    deletes.
 * Cluster-scoped objects are renamed after their namespace; everything is labelled and removed at
 * the end (and leftovers of an interrupted run at the start).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dumpYaml, type KubeConfig } from '@kubernetes/client-node';
import {
  type ClientToServerEvents,
  CSRF_HEADER,
  type EventsPayload,
  type ResourceKind,
  type ServerToClientEvents,
  SOCKET_PATH,
  type SubscribeAck,
} from '@wheelhouse/shared-types';
import { type BffProcess, ensureCluster, kubectl, startBffProcess, waitFor } from '@wheelhouse/testkit';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type K8sObject, parseManifests, ROOT, renderChart, run } from './helpers';

const LABEL = 'wheelhouse.dev/deploy-check';
const SA = 'wheelhouse';
const suffix = Math.random().toString(36).slice(2, 8);
const NS = `wh-deploy-${suffix}`;
const NS_EDIT = `wh-deploy-edit-${suffix}`;
const NS_TOKEN = `wh-deploy-token-${suffix}`;

/** As root (CI), the BFF runs in real in-cluster mode inside a private mount namespace. */
const IN_CLUSTER =
  process.getuid?.() === 0 &&
  spawnSync('unshare', ['--mount', '--propagation', 'private', 'true'], { timeout: 5000 }).status === 0;

const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding']);

/** Points rendered objects at namespace `ns` (cluster-scoped names become `ns`), labelled for clean-up. */
function retarget(objects: K8sObject[], ns: string): string {
  const out: K8sObject[] = [];
  if (!objects.some((o) => o.kind === 'Namespace')) {
    out.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  }
  for (const src of objects) {
    const o = structuredClone(src);
    if (o.kind === 'Namespace' || o.kind === 'ClusterRole' || o.kind === 'ClusterRoleBinding')
      o.metadata.name = ns;
    if (!CLUSTER_SCOPED.has(o.kind)) o.metadata.namespace = ns;
    if (o.kind === 'ClusterRoleBinding') {
      o.roleRef.name = ns;
      for (const s of o.subjects as Array<{ namespace?: string }>) s.namespace = ns;
    }
    out.push(o);
  }
  for (const o of out) o.metadata.labels = { ...(o.metadata.labels as object), [LABEL]: 'true' };
  // The pod must pass the "restricted" Pod Security Standard (the plain manifests say so already).
  const nsObj = out.find((o) => o.kind === 'Namespace') as K8sObject;
  nsObj.metadata.labels = {
    ...(nsObj.metadata.labels as object),
    'pod-security.kubernetes.io/enforce': 'restricted',
  };
  return out.map((o) => dumpYaml(o)).join('---\n');
}

async function removeAll(): Promise<void> {
  await kubectl([
    'delete',
    'clusterrolebinding,clusterrole',
    '-l',
    LABEL,
    '--ignore-not-found',
    '--wait=false',
  ]);
  await kubectl(['delete', 'namespace', '-l', LABEL, '--ignore-not-found', '--wait=false']);
}

async function applyAndWait(manifest: string, ns: string): Promise<void> {
  const { binDir, kubeconfigPath } = await ensureCluster();
  const r = await run(
    path.join(binDir, 'kubectl'),
    [
      '--kubeconfig',
      kubeconfigPath,
      'apply',
      '--server-side',
      '--field-manager=wheelhouse-deploy-check',
      '-f',
      '-',
    ],
    { input: manifest },
  );
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr, 'no admission warnings (e.g. Pod Security)').not.toMatch(/warning/i);
  await kubectl(['-n', ns, 'wait', '--for=condition=Available', `deployment/${SA}`, '--timeout=120s'], {
    timeoutMs: 130_000,
  });
}

/** A kubeconfig for the local apiserver that authenticates with `token` only. */
function tokenKubeconfig(kc: KubeConfig, token: string, dir: string, name: string): string {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('admin kubeconfig has no current cluster');
  const ca = cluster.caData ?? (cluster.caFile ? readFileSync(cluster.caFile).toString('base64') : undefined);
  const file = path.join(dir, `${name}.kubeconfig`);
  writeFileSync(
    file,
    dumpYaml({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'local', cluster: { server: cluster.server, 'certificate-authority-data': ca } }],
      users: [{ name, user: { token } }],
      contexts: [{ name, context: { cluster: 'local', user: name } }],
      'current-context': name,
    }),
    { mode: 0o600 },
  );
  return file;
}

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
function connect(url: string): Promise<ClientSocket> {
  return new Promise((resolve, reject) => {
    const socket: ClientSocket = io(url, {
      path: SOCKET_PATH,
      transports: ['websocket'],
      extraHeaders: { Origin: url },
      reconnection: false,
      forceNew: true,
      timeout: 5000,
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

async function canI(as: string, ns: string, verb: string, resource: string): Promise<boolean> {
  const [res, sub] = resource.split('/');
  const args = ['auth', 'can-i', verb, res ?? resource, `--as=${as}`, '-n', ns];
  if (sub) args.push(`--subresource=${sub}`);
  const { binDir, kubeconfigPath } = await ensureCluster();
  const r = await run(path.join(binDir, 'kubectl'), ['--kubeconfig', kubeconfigPath, ...args], {
    timeoutMs: 30_000,
  });
  const answer = r.stdout.trim();
  if (answer !== 'yes' && answer !== 'no')
    throw new Error(`kubectl ${args.join(' ')}: ${r.stdout}${r.stderr}`);
  return answer === 'yes';
}

const READS: Array<[string, string]> = [
  ['list', 'pods'],
  ['watch', 'pods'],
  ['get', 'pods/log'],
  ['list', 'replicasets'],
  ['watch', 'deployments'],
  ['list', 'services'],
  ['list', 'configmaps'],
  ['list', 'events'],
  ['list', 'endpointslices.discovery.k8s.io'],
  ['list', 'namespaces'],
  ['list', 'nodes'],
  ['create', 'selfsubjectaccessreviews.authorization.k8s.io'],
];
const ROLLOUT: Array<[string, string]> = [
  ['patch', 'deployments'],
  ['update', 'deployments'],
  ['patch', 'deployments/scale'],
  ['update', 'deployments/scale'],
  ['patch', 'replicasets'],
];
const SECRET_READS: Array<[string, string]> = [
  ['get', 'secrets'],
  ['list', 'secrets'],
  ['watch', 'secrets'],
];
/** A shell (rbac.exec): the WebSocket upgrade is authorized as both verbs. */
const EXEC: Array<[string, string]> = [
  ['create', 'pods/exec'],
  ['get', 'pods/exec'],
];
/** Edit YAML, create from YAML (server-side apply: patch, create), delete, the ConfigMap key editor. */
const EDIT: Array<[string, string]> = [
  ['create', 'deployments'],
  ['update', 'deployments'],
  ['delete', 'deployments'],
  ['create', 'replicasets'],
  ['update', 'replicasets'],
  ['delete', 'replicasets'],
  ['create', 'pods'],
  ['update', 'pods'],
  ['patch', 'pods'],
  ['delete', 'pods'],
  ['create', 'services'],
  ['patch', 'services'],
  ['delete', 'services'],
  ['update', 'configmaps'],
  ['patch', 'configmaps'],
  ['delete', 'configmaps'],
];
/** rbac.secrets.write: the same writes on Secrets. */
const SECRET_WRITES: Array<[string, string]> = [
  ['create', 'secrets'],
  ['update', 'secrets'],
  ['patch', 'secrets'],
  ['delete', 'secrets'],
];
/** Denied in every tier. */
const NEVER: Array<[string, string]> = [
  ['create', 'pods/attach'],
  ['create', 'pods/portforward'],
  ['create', 'pods/eviction'],
  ['deletecollection', 'pods'],
  ['deletecollection', 'configmaps'],
  ['patch', 'nodes'],
  ['update', 'endpointslices.discovery.k8s.io'],
  ['delete', 'namespaces'],
  ['create', 'roles.rbac.authorization.k8s.io'],
  ['create', 'clusterrolebindings'],
  ['escalate', 'clusterroles'],
  ['impersonate', 'serviceaccounts'],
  ['create', 'serviceaccounts/token'],
];

describe('the chart on the local cluster', () => {
  let kc: KubeConfig;
  let dir: string;
  let defaultToken = '';
  let editToken = '';

  beforeAll(async () => {
    ({ kc } = await ensureCluster());
    dir = mkdtempSync(path.join(tmpdir(), 'wheelhouse-deploy-'));
    await removeAll();
  });
  afterAll(async () => {
    await removeAll();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /**
   * The production bundle as the chart's ServiceAccount of `ns`: in in-cluster mode when root
   * (the SA files in a private mount namespace), else through a kubeconfig holding the same token.
   */
  async function startAsServiceAccount(
    token: string,
    ns: string,
    mode: 'in-cluster' | 'token' = 'in-cluster',
  ): Promise<BffProcess> {
    const common = {
      WHEELHOUSE_HOST: '127.0.0.1',
      WHEELHOUSE_LOG_LEVEL: 'warn',
      HOME: dir,
      ...(mode === 'token' ? { WHEELHOUSE_MODE: 'token' } : {}),
    };
    if (IN_CLUSTER) {
      // In-cluster mode, as in the pod: the ServiceAccount's token, CA and namespace at
      // /var/run/secrets/kubernetes.io/serviceaccount, which exists only inside a private
      // mount namespace (a tmpfs over /run) that ends with the process; the host is untouched.
      const cluster = kc.getCurrentCluster();
      const server = new URL(cluster?.server ?? '');
      const sa = mkdtempSync(path.join(dir, 'serviceaccount-'));
      writeFileSync(path.join(sa, 'token'), token, { mode: 0o600 });
      writeFileSync(path.join(sa, 'namespace'), ns);
      writeFileSync(
        path.join(sa, 'ca.crt'),
        cluster?.caData ? Buffer.from(cluster.caData, 'base64') : readFileSync(cluster?.caFile ?? ''),
      );
      return startBffProcess({
        cwd: path.join(ROOT, 'apps/bff/dist'),
        wrap: [
          'unshare',
          '--mount',
          '--propagation',
          'private',
          'sh',
          '-c',
          'mount -t tmpfs -o size=1m wheelhouse-sa /run && d=/run/secrets/kubernetes.io/serviceaccount && ' +
            'mkdir -p "$d" && cp "$WHEELHOUSE_SA_DIR"/* "$d"/ && exec "$@"',
          'sh',
        ],
        env: {
          ...common,
          WHEELHOUSE_MODE: mode,
          KUBERNETES_SERVICE_HOST: server.hostname,
          KUBERNETES_SERVICE_PORT: server.port || '443',
          WHEELHOUSE_SA_DIR: sa,
        },
      });
    } else {
      // Not root: the same identity through a kubeconfig holding the token.
      return startBffProcess({
        cwd: path.join(ROOT, 'apps/bff/dist'),
        env: { ...common, KUBECONFIG: tokenKubeconfig(kc, token, dir, `sa-${ns}`) },
      });
    }
  }

  it('server-side applies deploy/manifests/wheelhouse.yaml into a fresh namespace; the Deployment becomes Available', async () => {
    const objects = parseManifests(readFileSync(path.join(ROOT, 'deploy/manifests/wheelhouse.yaml'), 'utf8'));
    await applyAndWait(retarget(objects, NS), NS);
    const pods = JSON.parse(await kubectl(['-n', NS, 'get', 'pods', '-o', 'json'])) as { items: K8sObject[] };
    expect(pods.items).toHaveLength(1);
    const pod = pods.items[0] as K8sObject;
    expect(pod.spec.serviceAccountName).toBe(SA);
    expect(pod.spec.containers[0].image).toBe('wheelhouse:0.1.0');
    expect(pod.spec.containers[0].securityContext.readOnlyRootFilesystem).toBe(true);
    expect(pod.status.phase).toBe('Running');
    const ns = JSON.parse(await kubectl(['get', 'namespace', NS, '-o', 'json'])) as K8sObject;
    expect(ns.metadata.labels).toMatchObject({ 'pod-security.kubernetes.io/enforce': 'restricted' });
    defaultToken = (await kubectl(['-n', NS, 'create', 'token', SA, '--duration=10m'])).trim();
    expect(defaultToken.split('.')).toHaveLength(3);
  });

  it('applies the edit + secrets + exec tier (helm template --set rbac.edit=true,rbac.secrets.read=true,rbac.secrets.write=true,rbac.exec=true) into a second namespace', async () => {
    const { objects } = await renderChart(
      ['rbac.edit=true', 'rbac.secrets.read=true', 'rbac.secrets.write=true', 'rbac.exec=true'],
      'wheelhouse',
      NS_EDIT,
    );
    await applyAndWait(retarget(objects, NS_EDIT), NS_EDIT);
    editToken = (await kubectl(['-n', NS_EDIT, 'create', 'token', SA, '--duration=10m'])).trim();
    expect(editToken.split('.')).toHaveLength(3);
  });

  describe('the production BFF as the default ServiceAccount', () => {
    let srv: BffProcess;
    let socket: ClientSocket;
    const events: EventsPayload[] = [];
    beforeAll(async () => {
      expect(defaultToken, 'the apply test must pass first').not.toBe('');
      srv = await startAsServiceAccount(defaultToken, NS);
      socket = await connect(srv.url);
      socket.on('events', (p) => events.push(p));
    });
    afterAll(async () => {
      socket?.close();
      if (srv) expect(await srv.stop()).toBe(0);
    });

    const subscribe = (kind: ResourceKind, namespace?: string): Promise<SubscribeAck> =>
      socket.timeout(20_000).emitWithAck('subscribe', namespace ? { kind, namespace } : { kind });

    it.each([
      ['pods', 'its namespace'],
      ['replicasets', 'its namespace'],
      ['deployments', 'its namespace'],
      ['services', 'its namespace'],
      ['configmaps', 'its namespace'],
      ['events', 'its namespace'],
      ['endpointslices', 'its namespace'],
      ['pods', 'all namespaces'],
      ['deployments', 'all namespaces'],
      // The Namespaces view counts each kind across namespaces; the Events view may show all of them.
      ['replicasets', 'all namespaces'],
      ['services', 'all namespaces'],
      ['configmaps', 'all namespaces'],
      ['events', 'all namespaces'],
      ['namespaces', 'the cluster'],
      ['nodes', 'the cluster'],
    ] as Array<[ResourceKind, string]>)(
      'subscribes to %s in %s: list + watch allowed',
      async (kind, scope) => {
        const ns = scope === 'its namespace' ? NS : undefined;
        const ack = await subscribe(kind, ns);
        expect(ack.ok, JSON.stringify(ack)).toBe(true);
        if (!ack.ok) return;
        const names = ack.items.map((o) => o.metadata?.name);
        if (kind === 'deployments') expect(names).toContain(SA);
        if (kind === 'services' && ns) expect(names).toEqual([SA]);
        if (kind === 'pods') expect(names.some((n) => n?.startsWith(`${SA}-`))).toBe(true);
        if (kind === 'namespaces') expect(names).toContain(NS);
        if (kind === 'nodes') expect(names.length).toBeGreaterThan(0);
      },
    );

    it('receives watch events: a ConfigMap created by the admin arrives on the subscription', async () => {
      const ack = await subscribe('configmaps', NS);
      expect(ack.ok).toBe(true);
      if (!ack.ok) return;
      await kubectl(['-n', NS, 'create', 'configmap', 'watched', '--from-literal=k=v']);
      await waitFor(
        async () =>
          events.some(
            (e) =>
              e.subId === ack.subId &&
              e.batch.some((w) => w.type === 'ADDED' && w.object.metadata?.name === 'watched'),
          ),
        { timeoutMs: 15_000, intervalMs: 100, what: 'the ADDED event of ConfigMap "watched"' },
      );
    });

    it('gets one object over REST (deployments) and 403 on Secrets, both REST and subscribe', async () => {
      expect((await fetch(`${srv.url}/api/deployments/${NS}/${SA}`)).status).toBe(200);
      await kubectl(['-n', NS, 'create', 'secret', 'generic', 'hidden', '--from-literal=k=v']);
      const rest = await fetch(`${srv.url}/api/secrets/${NS}/hidden`);
      expect(rest.status).toBe(403);
      const { error } = (await rest.json()) as { error: { reason: string; message: string } };
      expect(error.reason).toBe('Forbidden');
      expect(error.message).toContain(`system:serviceaccount:${NS}:${SA}`);
      const sub = await subscribe('secrets', NS);
      expect(sub.ok).toBe(false);
      if (!sub.ok) expect(sub.error.code).toBe(403);
    });

    it('/readyz answers 200 with only the ServiceAccount credentials', async () => {
      expect((await fetch(`${srv.url}/readyz`)).status).toBe(200);
    });

    it.skipIf(!IN_CLUSTER)(
      'runs in in-cluster mode, from the files a pod of the chart would have',
      async () => {
        const session = (await (await fetch(`${srv.url}/api/session`)).json()) as { mode: string };
        expect(session.mode).toBe('in-cluster');
      },
    );
  });

  describe('rollout actions through the production BFF, per tier', () => {
    const checks = [
      'patch:deployments',
      'update:deployments/scale',
      'patch:replicasets',
      'list:pods',
      'create:pods/exec',
      'get:pods/exec',
    ];
    async function post(url: string, p: string, body: unknown): Promise<Response> {
      const { csrfToken } = (await (await fetch(`${url}/api/session`)).json()) as { csrfToken: string };
      return fetch(`${url}${p}`, {
        method: 'POST',
        headers: { Origin: url, [CSRF_HEADER]: csrfToken, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    }
    async function permissions(url: string, ns: string): Promise<Record<string, boolean>> {
      const res = await fetch(`${url}/api/permissions?namespace=${ns}&checks=${checks.join(',')}`);
      expect(res.status).toBe(200);
      const { results } = (await res.json()) as { results: Array<{ check: string; allowed: boolean }> };
      return Object.fromEntries(results.map((r) => [r.check, r.allowed]));
    }
    /**
     * An action with the Deployment's current resourceVersion, as a user who reloads on a conflict:
     * the controller updates status all the time, so a 409 means "read again and retry" (≤ 5 times).
     */
    async function act(url: string, ns: string, action: string, body: object): Promise<Response> {
      let res: Response | undefined;
      for (let i = 0; i < 5; i++) {
        res = await post(url, `/api/deployments/${ns}/${SA}/${action}`, {
          ...body,
          resourceVersion: await rv(ns),
        });
        if (res.status !== 409) return res;
        await new Promise((r) => setTimeout(r, 200));
      }
      return res as Response;
    }
    const rv = async (ns: string) =>
      (
        await kubectl(['-n', ns, 'get', 'deployment', SA, '-o', 'jsonpath={.metadata.resourceVersion}'])
      ).trim();

    it('default tier: the UI is told no rollout action is allowed, and scale/restart are 403 from the apiserver', async () => {
      const srv = await startAsServiceAccount(defaultToken, NS);
      try {
        expect(await permissions(srv.url, NS)).toEqual({
          'patch:deployments': false,
          'update:deployments/scale': false,
          'patch:replicasets': false,
          'list:pods': true,
          'create:pods/exec': false,
          'get:pods/exec': false,
        });
        for (const [action, body] of [
          ['scale', { replicas: 2, resourceVersion: await rv(NS) }],
          ['restart', { resourceVersion: await rv(NS) }],
        ] as const) {
          const res = await post(srv.url, `/api/deployments/${NS}/${SA}/${action}`, body);
          expect(res.status, action).toBe(403);
          const { error } = (await res.json()) as { error: { reason: string } };
          expect(error.reason).toBe('Forbidden');
        }
      } finally {
        expect(await srv.stop()).toBe(0);
      }
    });

    it('edit + secrets + exec tier: allowed; scale, restart and undo succeed; a Secret is readable (values stripped)', async () => {
      expect(editToken, 'the edit tier apply test must pass first').not.toBe('');
      const srv = await startAsServiceAccount(editToken, NS_EDIT);
      try {
        expect(await permissions(srv.url, NS_EDIT)).toEqual({
          'patch:deployments': true,
          'update:deployments/scale': true,
          'patch:replicasets': true,
          'list:pods': true,
          'create:pods/exec': true,
          'get:pods/exec': true,
        });
        type Action = { deployment: K8sObject };
        const scaled = await act(srv.url, NS_EDIT, 'scale', { replicas: 2 });
        expect(scaled.status, await scaled.clone().text()).toBe(200);
        expect(((await scaled.json()) as Action).deployment.spec.replicas).toBe(2);
        const restarted = await act(srv.url, NS_EDIT, 'restart', {});
        expect(restarted.status, await restarted.clone().text()).toBe(200);
        // The restart makes a second ReplicaSet (revision 2); undo goes back to revision 1.
        await waitFor(
          async () =>
            (await kubectl(['-n', NS_EDIT, 'get', 'replicasets', '-o', 'name'])).trim().split('\n').length >=
            2,
          { timeoutMs: 30_000, intervalMs: 200, what: 'the restart to create a second ReplicaSet' },
        );
        const undone = await act(srv.url, NS_EDIT, 'undo', {});
        expect(undone.status, await undone.clone().text()).toBe(200);
        await kubectl([
          '-n',
          NS_EDIT,
          'create',
          'secret',
          'generic',
          'visible',
          '--from-literal=k=hush-hush',
        ]);
        const secret = await fetch(`${srv.url}/api/secrets/${NS_EDIT}/visible`);
        expect(secret.status).toBe(200);
        expect(await secret.text()).not.toContain(Buffer.from('hush-hush').toString('base64'));
      } finally {
        expect(await srv.stop()).toBe(0);
      }
    });
  });

  describe('the write routes (edit, create from YAML, delete, key editors) through the production BFF, per tier', () => {
    const checks = [
      'update:deployments',
      'delete:pods',
      'create:configmaps',
      'patch:configmaps',
      'patch:secrets',
    ];
    async function send(url: string, method: string, p: string, body: unknown) {
      const { csrfToken } = (await (await fetch(`${url}/api/session`)).json()) as { csrfToken: string };
      const res = await fetch(`${url}${p}`, {
        method,
        headers: { Origin: url, [CSRF_HEADER]: csrfToken, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as K8sObject };
    }
    async function allowed(url: string, ns: string): Promise<boolean[]> {
      const res = await fetch(`${url}/api/permissions?namespace=${ns}&checks=${checks.join(',')}`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { results: Array<{ allowed: boolean }> }).results.map((r) => r.allowed);
    }
    const rvOf = async (ns: string, what: string) =>
      (await kubectl(['-n', ns, 'get', what, '-o', 'jsonpath={.metadata.resourceVersion}'])).trim();
    const planted = (ns: string) => `apiVersion: v1
kind: ConfigMap
metadata: { name: planted, namespace: ${ns} }
data: { mode: calm }
---
apiVersion: v1
kind: Secret
metadata: { name: planted, namespace: ${ns} }
stringData: { password: hunter2, other: untouched }
`;

    it("default tier: no write is allowed, and create, delete and the key editor get the apiserver's 403", async () => {
      const srv = await startAsServiceAccount(defaultToken, NS);
      try {
        expect(await allowed(srv.url, NS)).toEqual(checks.map(() => false));
        const apply = await send(srv.url, 'POST', '/api/objects/apply', {
          yaml: planted(NS),
          namespace: NS,
          dryRun: false,
        });
        expect(apply.status).toBe(200);
        expect(apply.json.results[0]).toMatchObject({
          outcome: 'error',
          error: { code: 403, reason: 'Forbidden' },
        });
        const rv = await rvOf(NS, 'configmap/watched');
        const remove = await send(srv.url, 'DELETE', `/api/objects/configmaps/${NS}/watched`, {
          resourceVersion: rv,
        });
        expect(remove.status).toBe(403);
        const keys = await send(srv.url, 'PATCH', `/api/objects/configmaps/${NS}/watched/keys`, {
          resourceVersion: rv,
          changes: [{ op: 'set', key: 'k', text: 'changed' }],
          dryRun: false,
        });
        expect(keys.status).toBe(403);
        expect(await kubectl(['-n', NS, 'get', 'configmaps', '-o', 'name'])).not.toContain('planted');
      } finally {
        expect(await srv.stop()).toBe(0);
      }
    });

    it('edit + secrets tier: creates from YAML, edits a key of a Secret, edits a ConfigMap as YAML and deletes it', async () => {
      const srv = await startAsServiceAccount(editToken, NS_EDIT);
      try {
        expect(await allowed(srv.url, NS_EDIT)).toEqual(checks.map(() => true));
        const apply = await send(srv.url, 'POST', '/api/objects/apply', {
          yaml: planted(NS_EDIT),
          namespace: NS_EDIT,
          dryRun: false,
        });
        expect(apply.status).toBe(200);
        expect(apply.json.results.map((r: { outcome: string }) => r.outcome)).toEqual(['created', 'created']);
        const keys = await send(srv.url, 'PATCH', `/api/objects/secrets/${NS_EDIT}/planted/keys`, {
          resourceVersion: await rvOf(NS_EDIT, 'secret/planted'),
          changes: [{ op: 'set', key: 'password', text: 'rotated' }],
          dryRun: false,
        });
        expect(keys.status, JSON.stringify(keys.json)).toBe(200);
        expect(keys.json.changedSecretKeys).toEqual(['password']);
        const other = await kubectl(['-n', NS_EDIT, 'get', 'secret/planted', '-o', 'jsonpath={.data.other}']);
        expect(Buffer.from(other, 'base64').toString()).toBe('untouched');
        const rv = await rvOf(NS_EDIT, 'configmap/planted');
        const yaml = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: planted, namespace: ${NS_EDIT} }\ndata: { mode: storm }\n`;
        const edit = await send(srv.url, 'PUT', `/api/objects/configmaps/${NS_EDIT}/planted`, {
          yaml,
          resourceVersion: rv,
          dryRun: false,
        });
        expect(edit.status, JSON.stringify(edit.json)).toBe(200);
        expect(edit.json.object.data).toEqual({ mode: 'storm' });
        const remove = await send(srv.url, 'DELETE', `/api/objects/configmaps/${NS_EDIT}/planted`, {
          resourceVersion: await rvOf(NS_EDIT, 'configmap/planted'),
        });
        expect(remove.status, JSON.stringify(remove.json)).toBe(200);
        expect(await kubectl(['-n', NS_EDIT, 'get', 'configmaps', '-o', 'name'])).not.toContain('planted');
      } finally {
        expect(await srv.stop()).toBe(0);
      }
    });
  });

  describe('kubectl auth can-i as the default ServiceAccount', () => {
    const as = () => `system:serviceaccount:${NS}:${SA}`;
    it.each(READS)('allows %s %s', async (verb, res) => {
      expect(await canI(as(), NS, verb, res)).toBe(true);
    });
    it.each([...ROLLOUT, ...EDIT, ...SECRET_READS, ...SECRET_WRITES, ...EXEC, ...NEVER])(
      'denies %s %s',
      async (verb, res) => {
        expect(await canI(as(), NS, verb, res)).toBe(false);
      },
    );
    it('a real scale with its token is Forbidden (server-side dry run)', async () => {
      const kubeconfig = tokenKubeconfig(kc, defaultToken, dir, 'default-scale');
      const { binDir } = await ensureCluster();
      const r = await run(path.join(binDir, 'kubectl'), [
        '--kubeconfig',
        kubeconfig,
        '-n',
        NS,
        'scale',
        `deployment/${SA}`,
        '--replicas=2',
        '--dry-run=server',
      ]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('forbidden');
    });
  });

  describe('token mode (helm template --set mode=token)', () => {
    it('no ClusterRole: the ServiceAccount may read nothing, yet the pod is Ready and users log in with their own token', async () => {
      const { objects } = await renderChart(['mode=token'], 'wheelhouse', NS_TOKEN);
      expect(objects.some((o) => o.kind === 'ClusterRole' || o.kind === 'ClusterRoleBinding')).toBe(false);
      await applyAndWait(retarget(objects, NS_TOKEN), NS_TOKEN);
      expect(await canI(`system:serviceaccount:${NS_TOKEN}:${SA}`, NS_TOKEN, 'list', 'pods')).toBe(false);
      // A user: a ServiceAccount bound to the built-in "view" role in this namespace only.
      await kubectl(['-n', NS_TOKEN, 'create', 'serviceaccount', 'viewer']);
      await kubectl([
        '-n',
        NS_TOKEN,
        'create',
        'rolebinding',
        'viewer-view',
        '--clusterrole=view',
        `--serviceaccount=${NS_TOKEN}:viewer`,
      ]);
      const userToken = (
        await kubectl(['-n', NS_TOKEN, 'create', 'token', 'viewer', '--duration=10m'])
      ).trim();
      const saToken = (await kubectl(['-n', NS_TOKEN, 'create', 'token', SA, '--duration=10m'])).trim();
      const srv = await startAsServiceAccount(saToken, NS_TOKEN, 'token');
      try {
        expect((await fetch(`${srv.url}/readyz`)).status).toBe(200);
        expect((await fetch(`${srv.url}/api/namespaces`)).status).toBe(401);
        const { csrfToken } = (await (await fetch(`${srv.url}/api/session`)).json()) as { csrfToken: string };
        const login = await fetch(`${srv.url}/api/login`, {
          method: 'POST',
          headers: { Origin: srv.url, [CSRF_HEADER]: csrfToken, 'Content-Type': 'application/json' },
          body: JSON.stringify({ token: userToken }),
        });
        expect(login.status).toBe(200);
        expect(((await login.json()) as { user: string }).user).toBe(
          `system:serviceaccount:${NS_TOKEN}:viewer`,
        );
        const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
        const cm = await fetch(`${srv.url}/api/configmaps/${NS_TOKEN}/kube-root-ca.crt`, {
          headers: { Cookie: cookie },
        });
        expect(cm.status).toBe(200);
        const secret = await fetch(`${srv.url}/api/secrets/${NS_TOKEN}/anything`, {
          headers: { Cookie: cookie },
        });
        expect(secret.status).toBe(403);
      } finally {
        expect(await srv.stop()).toBe(0);
      }
    });
  });

  describe('kubectl auth can-i as the edit + secrets + exec tier ServiceAccount', () => {
    const as = () => `system:serviceaccount:${NS_EDIT}:${SA}`;
    it.each([...READS, ...ROLLOUT, ...EDIT, ...SECRET_READS, ...SECRET_WRITES, ...EXEC])(
      'allows %s %s',
      async (verb, res) => {
        expect(await canI(as(), NS_EDIT, verb, res)).toBe(true);
      },
    );
    it.each(NEVER)('still denies %s %s', async (verb, res) => {
      expect(await canI(as(), NS_EDIT, verb, res)).toBe(false);
    });
    it('a real scale with its token is allowed (server-side dry run)', async () => {
      const kubeconfig = tokenKubeconfig(kc, editToken, dir, 'edit-scale');
      const { binDir } = await ensureCluster();
      const r = await run(path.join(binDir, 'kubectl'), [
        '--kubeconfig',
        kubeconfig,
        '-n',
        NS_EDIT,
        'scale',
        `deployment/${SA}`,
        '--replicas=2',
        '--dry-run=server',
      ]);
      expect(r.code, r.stderr).toBe(0);
    });
  });
});
