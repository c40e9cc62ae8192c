import { describe, expect, it } from 'vitest';
import {
  ApiErrorBody,
  ContainerName,
  LoginRequest,
  LogsRequest,
  NamespaceName,
  ObjectName,
  PermissionsQuery,
  ResourceVersion,
  RevealRequest,
  ROW_KINDS,
  SubscribeRequest,
  UnsubscribeRequest,
  WRITABLE_KINDS,
  WRITE_VERBS,
  type WriteOperation,
  writePermission,
} from '../src';

describe('wire schemas', () => {
  it('accepts a subscribe for a kind, with or without namespace and selector', () => {
    expect(SubscribeRequest.parse({ kind: 'pods' })).toEqual({ kind: 'pods' });
    expect(
      SubscribeRequest.parse({ kind: 'deployments', namespace: 'demo', labelSelector: 'app=web' }),
    ).toEqual({
      kind: 'deployments',
      namespace: 'demo',
      labelSelector: 'app=web',
    });
  });

  it("takes a shape of 'object' or 'row' (which kinds may be rows is the BFF's check, ROW_KINDS)", () => {
    expect(SubscribeRequest.parse({ kind: 'pods', shape: 'row' })).toEqual({ kind: 'pods', shape: 'row' });
    expect(SubscribeRequest.parse({ kind: 'pods', shape: 'object' })).toEqual({
      kind: 'pods',
      shape: 'object',
    });
    expect(SubscribeRequest.safeParse({ kind: 'pods', shape: 'table' }).success).toBe(false);
    expect([...ROW_KINDS]).toEqual(['pods']);
  });

  it('rejects unknown kinds, extra fields, bad namespaces and oversized selectors', () => {
    expect(SubscribeRequest.safeParse({ kind: 'widgets' }).success).toBe(false);
    expect(SubscribeRequest.safeParse({ kind: 'pods', verb: 'delete' }).success).toBe(false);
    expect(SubscribeRequest.safeParse({ kind: 'pods', namespace: '../kube-system' }).success).toBe(false);
    expect(SubscribeRequest.safeParse({ kind: 'pods', namespace: 'a'.repeat(64) }).success).toBe(false);
    expect(SubscribeRequest.safeParse({ kind: 'pods', labelSelector: 'a'.repeat(5000) }).success).toBe(false);
    expect(SubscribeRequest.safeParse(null).success).toBe(false);
  });

  it('takes namespace names as DNS-1123 labels only', () => {
    for (const ok of ['a', 'kube-system', 'x1', 'a-b-c'])
      expect(NamespaceName.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['', 'A', '-a', 'a-', 'a_b', 'a.b', 'a/b', '%2e%2e']) {
      expect(NamespaceName.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('takes object names as DNS-1123 subdomains and container names as labels, saying which failed', () => {
    expect(ObjectName.safeParse('web-7d4b9c.v2').success).toBe(true);
    expect(ObjectName.safeParse('a'.repeat(253)).success).toBe(true);
    expect(ObjectName.safeParse('a'.repeat(254)).success).toBe(false);
    expect(ObjectName.safeParse('Web').error?.issues[0]?.message).toBe('not a valid object name');
    expect(ContainerName.safeParse('a'.repeat(63)).success).toBe(true);
    expect(ContainerName.safeParse('a.b').error?.issues[0]?.message).toBe('not a valid container name');
    expect(NamespaceName.safeParse('a'.repeat(64)).error?.issues[0]?.message).toBe(
      'namespace names are at most 63 characters',
    );
    const logs = LogsRequest.safeParse({ namespace: 'shop', pod: 'web..1', container: 'app' });
    expect(logs.error?.issues[0]).toMatchObject({ path: ['pod'], message: 'not a valid pod name' });
    const permissions = PermissionsQuery.safeParse({ namespace: 'Shop', checks: 'patch:deployments' });
    expect(permissions.error?.issues[0]).toMatchObject({
      path: ['namespace'],
      message: 'not a valid namespace',
    });
  });

  it('takes Secret keys as the apiserver does and nothing that could escape a path', () => {
    for (const ok of ['apiKey', 'tls.crt', '.dockerconfigjson', 'a_b-c']) {
      expect(RevealRequest.safeParse({ key: ok }).success, ok).toBe(true);
    }
    for (const bad of ['', '../x', 'a/b', 'a b', 'k'.repeat(254)]) {
      expect(RevealRequest.safeParse({ key: bad }).success, bad).toBe(false);
    }
  });

  it('bounds login tokens and unsubscribe ids', () => {
    expect(LoginRequest.safeParse({ token: '' }).success).toBe(false);
    expect(LoginRequest.safeParse({ token: 't'.repeat(16_385) }).success).toBe(false);
    expect(LoginRequest.safeParse({ token: 'abc' }).success).toBe(true);
    expect(UnsubscribeRequest.safeParse({ subId: '' }).success).toBe(false);
    expect(UnsubscribeRequest.safeParse({ subId: 's1' }).success).toBe(true);
  });

  it('describes an error with the apiserver code, reason, message and source', () => {
    expect(
      ApiErrorBody.parse({ code: 403, reason: 'Forbidden', message: 'no', source: 'apiserver' }),
    ).toMatchObject({ code: 403 });
    expect(ApiErrorBody.safeParse({ code: 403, reason: 'Forbidden', message: 'no' }).success).toBe(false);
  });

  it('takes a resourceVersion the apiserver could have handed out, never "0" (no precondition)', () => {
    for (const ok of ['1', '831', '18446744073709551615']) {
      expect(ResourceVersion.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of [
      '',
      '0',
      '00',
      '0831',
      '831x',
      '-1',
      '1.5',
      ' 1',
      '18446744073709551616',
      '9'.repeat(65),
    ]) {
      expect(ResourceVersion.safeParse(bad).success, bad).toBe(false);
    }
    expect(ResourceVersion.safeParse('0').error?.issues[0]?.message).toMatch(/without a precondition/);
  });

  it('takes permission checks for the listed resources only, not for properties every object has', () => {
    const parse = (checks: string) => PermissionsQuery.safeParse({ namespace: 'demo', checks });
    expect(parse('patch:deployments,update:deployments/scale').success).toBe(true);
    for (const bad of ['get:constructor', 'get:__proto__', 'get:toString', 'get:hasOwnProperty']) {
      expect(parse(bad).success, bad).toBe(false);
    }
    expect(PermissionsQuery.safeParse({ namespace: 'demo', checks: 'get:pods', verbose: '1' }).success).toBe(
      false,
    );
  });

  it('takes the permission check of every write on every writable kind, in one query per kind', () => {
    const ops = Object.keys(WRITE_VERBS) as WriteOperation[];
    for (const kind of WRITABLE_KINDS) {
      const checks = ops.map((op) => writePermission(op, kind));
      const parsed = PermissionsQuery.parse({ namespace: 'demo', checks: checks.join(',') });
      expect(parsed.checks.map((c) => `${c.verb}:${c.resource}`)).toEqual(checks);
    }
    expect(writePermission('edit', 'deployments')).toBe('update:deployments');
    expect(writePermission('keys', 'secrets')).toBe('patch:secrets');
    expect(writePermission('create', 'services')).toBe('create:services');
    expect(writePermission('delete', 'pods')).toBe('delete:pods');
  });
});
