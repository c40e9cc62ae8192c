/**
 * A view-only user as token mode meets one: a ServiceAccount bound to the built-in "view" ClusterRole
 * in one namespace only, its token, and the login the web makes with it.
 */
import { CoreV1Api, type KubeConfig, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { kubectl } from '@wheelhouse/testkit';
import { mutationHeaders } from './support';

/** Creates ServiceAccount "viewer" bound to ClusterRole "view" in `namespace`, and returns a 10-minute token. */
export async function createViewerToken(kc: KubeConfig, namespace: string): Promise<string> {
  const core = kc.makeApiClient(CoreV1Api);
  const rbac = kc.makeApiClient(RbacAuthorizationV1Api);
  await core.createNamespacedServiceAccount({ namespace, body: { metadata: { name: 'viewer' } } });
  await rbac.createNamespacedRoleBinding({
    namespace,
    body: {
      metadata: { name: 'viewer-view' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
      subjects: [{ kind: 'ServiceAccount', name: 'viewer', namespace }],
    },
  });
  return (await kubectl(['-n', namespace, 'create', 'token', 'viewer', '--duration=10m'])).trim();
}

/** POST /api/login with `token`, same-origin with the session's CSRF token, as the login page sends it. */
export async function postLogin(url: string, token: string): Promise<Response> {
  return fetch(`${url}/api/login`, {
    method: 'POST',
    headers: await mutationHeaders(url),
    body: JSON.stringify({ token }),
  });
}

/** The `name=value` part of the session cookie a login set ('' when it set none). */
export function sessionCookie(login: Response): string {
  return (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}
