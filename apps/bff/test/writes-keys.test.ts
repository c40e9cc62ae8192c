/**
 * ConfigMap and Secret keys against the real local cluster: the key editors
 * (PATCH /api/objects/:kind/:ns/:name/keys) and a Secret's YAML edit touch only the keys the user
 * changed — every other key, binary values included, is byte-identical afterwards — and no answer
 * or log line carries a Secret value.
 */
import { CoreV1Api, type KubeConfig, type V1Secret } from '@kubernetes/client-node';
import { SECRET_VALUE_PLACEHOLDER } from '@wheelhouse/shared-types';
import { createTestNamespace, ensureCluster, kubectl } from '@wheelhouse/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WheelhouseApp } from '../src/app';
import { memoryLogger, startBff } from './support';
import { auditLines, fetchObject, writesOf, yamlOf } from './writes-support';

const b64 = (v: string | Buffer) => Buffer.from(v).toString('base64');
/** Not UTF-8: a PNG signature, a NUL, a lone continuation byte. */
const BINARY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x80]);

describe('key editors and Secret edits touch only the changed keys', () => {
  let app: WheelhouseApp;
  let url: string;
  let kc: KubeConfig;
  let core: CoreV1Api;
  let ns: { name: string; cleanup(): Promise<void> };
  let writes: ReturnType<typeof writesOf>;
  const logged = memoryLogger();

  const secret = () => core.readNamespacedSecret({ name: 'creds', namespace: ns.name });
  const configMap = () => core.readNamespacedConfigMap({ name: 'settings', namespace: ns.name });
  const values = [b64('hunter2'), b64(BINARY), b64('line one\nline two\n'), b64('rotated!')];

  beforeAll(async () => {
    ({ kc } = await ensureCluster());
    core = kc.makeApiClient(CoreV1Api);
    ns = await createTestNamespace(kc, 'bff-writes-keys');
    await core.createNamespacedSecret({
      namespace: ns.name,
      body: {
        metadata: { name: 'creds' },
        data: { password: b64('hunter2'), 'cert.der': b64(BINARY), notes: b64('line one\nline two\n') },
      },
    });
    await core.createNamespacedConfigMap({
      namespace: ns.name,
      body: {
        metadata: { name: 'settings' },
        data: { mode: 'calm' },
        binaryData: { 'logo.png': b64(BINARY) },
      },
    });
    ({ app, url } = await startBff({ log: logged.log }));
    writes = writesOf(url);
  });
  afterAll(async () => {
    await app?.close();
    await ns?.cleanup();
  });

  it('sets one Secret key without revealing the others: they stay byte-identical, binary included, and the answer holds no value', async () => {
    const before = await secret();
    const res = await writes.keys('secrets', ns.name, 'creds', {
      resourceVersion: before.metadata?.resourceVersion,
      changes: [{ op: 'set', key: 'password', text: 'rotated!' }],
      dryRun: false,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.changedSecretKeys).toEqual(['password']);
    expect(res.json.object).toMatchObject({
      data: {
        password: SECRET_VALUE_PLACEHOLDER,
        'cert.der': SECRET_VALUE_PLACEHOLDER,
        notes: SECRET_VALUE_PLACEHOLDER,
      },
    });
    for (const v of values) expect(res.text).not.toContain(v);
    const after = await secret();
    expect(after.data).toEqual({ ...before.data, password: b64('rotated!') });
    expect(Buffer.from(after.data?.['cert.der'] ?? '', 'base64').equals(BINARY)).toBe(true);
  });

  it('renames a never-revealed binary key: its bytes move to the new name', async () => {
    const before = await secret();
    const res = await writes.keys('secrets', ns.name, 'creds', {
      resourceVersion: before.metadata?.resourceVersion,
      changes: [{ op: 'rename', from: 'cert.der', to: 'client.der' }],
      dryRun: false,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.changedSecretKeys).toEqual(['cert.der', 'client.der']);
    const after = await secret();
    expect(Object.keys(after.data ?? {}).sort()).toEqual(['client.der', 'notes', 'password']);
    expect(after.data?.['client.der']).toBe(before.data?.['cert.der']);
    expect(after.data?.notes).toBe(before.data?.notes);
  });

  it('edits a Secret as YAML with placeholders for the unrevealed keys: only the typed key changes, the hidden last-applied annotation stays', async () => {
    await kubectl([
      '-n',
      ns.name,
      'annotate',
      'secret/creds',
      `kubectl.kubernetes.io/last-applied-configuration={"data":{"password":"${b64('hunter2')}"}}`,
    ]);
    const before = await secret();
    // What the web edits: the BFF's Secret (sizes, no values, no last-applied annotation) with a
    // placeholder for every key, and the one value the user typed.
    const shown = await fetchObject<V1Secret & { dataSizes?: Record<string, number> }>(
      url,
      'secrets',
      ns.name,
      'creds',
    );
    expect(shown.metadata?.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBeUndefined();
    const data = Object.fromEntries(
      Object.keys(shown.dataSizes ?? {}).map((k) => [k, SECRET_VALUE_PLACEHOLDER]),
    );
    const { dataSizes: _sizes, ...rest } = shown;
    const yaml = yamlOf({ ...rest, data: { ...data, notes: b64('new notes') } });
    for (const dryRun of [true, false]) {
      const res = await writes.edit('secrets', ns.name, 'creds', {
        yaml,
        resourceVersion: shown.metadata?.resourceVersion,
        dryRun,
      });
      expect(res.status, res.text).toBe(200);
      expect(res.json.changedSecretKeys).toEqual(['notes']);
      for (const v of [...values, b64('new notes')]) expect(res.text).not.toContain(v);
      expect(res.text).not.toContain('last-applied-configuration');
    }
    const after = await secret();
    expect(after.data).toEqual({ ...before.data, notes: b64('new notes') });
    expect(after.metadata?.annotations).toEqual(before.metadata?.annotations);
    // The audit says what happened to which Secret, never a value.
    expect(auditLines(logged.lines).at(-1)).toMatchObject({
      verb: 'update',
      kind: 'secrets',
      name: 'creds',
      code: 200,
    });
    for (const v of [...values, b64('new notes'), 'rotated!', 'new notes'])
      expect(logged.lines.join('\n')).not.toContain(v);
  });

  it('puts an uploaded ConfigMap value in binaryData when it is not UTF-8, text in data, and leaves the other keys alone', async () => {
    const before = await configMap();
    const res = await writes.keys('configmaps', ns.name, 'settings', {
      resourceVersion: before.metadata?.resourceVersion,
      changes: [
        { op: 'set', key: 'icon.png', base64: b64(BINARY) },
        { op: 'set', key: 'app.conf', text: 'a=1\nb=2\n' },
        { op: 'remove', key: 'mode' },
      ],
      dryRun: false,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.changedSecretKeys).toBeUndefined();
    const after = await configMap();
    expect(after.data).toEqual({ 'app.conf': 'a=1\nb=2\n' });
    expect(after.binaryData).toEqual({ 'logo.png': b64(BINARY), 'icon.png': b64(BINARY) });
  });

  it('409s on a stale resourceVersion, dry run or not, and changes nothing', async () => {
    const seen = (await configMap()).metadata?.resourceVersion;
    await kubectl(['-n', ns.name, 'label', 'configmap/settings', 'touched=yes']);
    const before = await configMap();
    for (const dryRun of [true, false]) {
      const res = await writes.keys('configmaps', ns.name, 'settings', {
        resourceVersion: seen,
        changes: [{ op: 'set', key: 'app.conf', text: 'overwritten' }],
        dryRun,
      });
      expect(res.status, res.text).toBe(409);
      expect(res.json.error?.reason).toBe('Conflict');
      expect(res.json.error?.message).toMatch(/the object has been modified/);
    }
    expect((await configMap()).data).toEqual(before.data);
  });

  it("answers the apiserver's 422 for an immutable ConfigMap, and the dry run shows what a change would store", async () => {
    const current = await configMap();
    const dry = await writes.keys('configmaps', ns.name, 'settings', {
      resourceVersion: current.metadata?.resourceVersion,
      changes: [{ op: 'rename', from: 'app.conf', to: 'app.ini' }],
      dryRun: true,
    });
    expect(dry.status, dry.text).toBe(200);
    expect(dry.json.dryRun).toBe(true);
    expect((dry.json.object as { data?: object }).data).toEqual({ 'app.ini': 'a=1\nb=2\n' });
    expect((await configMap()).data).toEqual({ 'app.conf': 'a=1\nb=2\n' });

    await kubectl(['-n', ns.name, 'patch', 'configmap/settings', '--type=merge', '-p', '{"immutable":true}']);
    const frozen = await configMap();
    const res = await writes.keys('configmaps', ns.name, 'settings', {
      resourceVersion: frozen.metadata?.resourceVersion,
      changes: [{ op: 'set', key: 'app.conf', text: 'changed' }],
      dryRun: false,
    });
    expect(res.status, res.text).toBe(422);
    expect(res.json.error).toMatchObject({ reason: 'Invalid', source: 'apiserver' });
    expect(res.json.error?.message).toMatch(/field is immutable when `immutable` is set/);
    expect((await configMap()).data).toEqual(frozen.data);
  });

  it('400s on keys of a kind that has none, before asking the cluster', async () => {
    const res = await writes.keys('deployments', ns.name, 'web', {
      resourceVersion: '1',
      changes: [{ op: 'remove', key: 'x' }],
      dryRun: true,
    });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ field: 'kind', source: 'bff' });
  });
});
