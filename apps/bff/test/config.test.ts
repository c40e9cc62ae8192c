import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';

describe('configuration', () => {
  it('defaults to loopback, port 7070 and kubeconfig mode', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ host: '127.0.0.1', port: 7070, mode: 'kubeconfig', inCluster: false });
  });

  it('stops with a message naming each invalid variable', () => {
    expect(() => loadConfig({ WHEELHOUSE_PORT: 'seventy', WHEELHOUSE_MODE: 'root' })).toThrow(ConfigError);
    try {
      loadConfig({ WHEELHOUSE_PORT: '70000', WHEELHOUSE_MODE: 'root' });
    } catch (err) {
      expect((err as Error).message).toMatch(/WHEELHOUSE_PORT/);
      expect((err as Error).message).toMatch(/WHEELHOUSE_MODE/);
    }
  });

  it('uses the pod identity in token mode only when running in a pod without a kubeconfig', () => {
    expect(loadConfig({ WHEELHOUSE_MODE: 'token', KUBERNETES_SERVICE_HOST: '10.96.0.1' }).inCluster).toBe(
      true,
    );
    expect(
      loadConfig({ WHEELHOUSE_MODE: 'token', KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBECONFIG: '/k' })
        .inCluster,
    ).toBe(false);
    expect(loadConfig({ WHEELHOUSE_MODE: 'in-cluster' }).inCluster).toBe(true);
  });

  it('splits allow-lists on commas', () => {
    const c = loadConfig({
      WHEELHOUSE_ALLOWED_ORIGINS: 'http://a:1, http://b:2,',
      WHEELHOUSE_ALLOWED_HOSTS: 'dash.example',
    });
    expect(c.allowedOrigins).toEqual(['http://a:1', 'http://b:2']);
    expect(c.allowedHosts).toEqual(['dash.example']);
  });

  it('takes a shared CSRF token for replicas, and refuses a short or odd one naming the variable', () => {
    expect(loadConfig({}).csrfToken).toBeUndefined();
    const token = `${'a'.repeat(20)}-_${'Z9'.repeat(10)}`;
    expect(loadConfig({ WHEELHOUSE_CSRF_TOKEN: token }).csrfToken).toBe(token);
    for (const bad of ['short', 'x'.repeat(31), `${'a'.repeat(40)} b`, `${'a'.repeat(40)};`]) {
      expect(() => loadConfig({ WHEELHOUSE_CSRF_TOKEN: bad }), bad).toThrow(/WHEELHOUSE_CSRF_TOKEN/);
    }
  });
});
