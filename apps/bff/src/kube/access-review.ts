import type { KubeConfig } from '@kubernetes/client-node';
import { kubeRequest, type RequestOptions } from './client';

/** What a SelfSubjectAccessReview asks: may I <verb> <group>/<resource>[/<subresource>] in <namespace>? */
export interface AccessQuestion {
  namespace: string;
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
}

export interface AccessAnswer {
  allowed: boolean;
  /** The authorizer's reason, when it gave one (RBAC: which binding allowed it, or none). */
  reason?: string;
}

type Send = <T>(path: string, opts: RequestOptions) => Promise<T>;

/**
 * A SelfSubjectAccessReview as the caller (`kubectl auth can-i`): the apiserver's own answer, so the
 * UI and the BFF decide exactly as the authorizer will. `send` defaults to a plain request; the
 * permissions endpoint passes its timed one.
 */
export async function reviewAccess(
  kc: KubeConfig,
  q: AccessQuestion,
  send: Send = (path, opts) => kubeRequest(kc, path, opts),
): Promise<AccessAnswer> {
  const answer = await send<{ status?: { allowed?: boolean; reason?: string } }>(
    '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
    {
      method: 'POST',
      body: {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: {
          resourceAttributes: {
            namespace: q.namespace,
            verb: q.verb,
            group: q.group,
            resource: q.resource,
            ...(q.subresource ? { subresource: q.subresource } : {}),
          },
        },
      },
    },
  );
  const reason = answer.status?.reason;
  return { allowed: answer.status?.allowed === true, ...(reason ? { reason } : {}) };
}
