import { randomBytes } from 'node:crypto';
import { ApiException, CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { waitFor } from './wait';

export const TEST_NAMESPACE_LABEL = 'wheelhouse.dev/test';

export interface TestNamespace {
  name: string;
  /** Deletes the namespace; does not wait for it to finish terminating. A namespace already gone is fine. */
  cleanup(): Promise<void>;
}

const MAX_NAME = 63;
const SUFFIX_LENGTH = 6;

/** `prefix` made into the start of a DNS-1123 label, leaving room for "-" and the random suffix. */
function sanitizePrefix(prefix: string): string {
  const cleaned = prefix
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, MAX_NAME - SUFFIX_LENGTH - 1)
    .replace(/^-+|-+$/g, '');
  return cleaned || 'test';
}

function randomSuffix(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(SUFFIX_LENGTH), (b) => alphabet[b % alphabet.length]).join('');
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiException && error.code === 404;
}

/**
 * Creates a namespace named `<prefix>-<random>` (a valid DNS-1123 label of at most 63 characters) labelled
 * `wheelhouse.dev/test=true`, and waits until its `default` ServiceAccount exists so bare pods can be created
 * right away.
 */
export async function createTestNamespace(kc: KubeConfig, prefix: string): Promise<TestNamespace> {
  const core = kc.makeApiClient(CoreV1Api);
  const name = `${sanitizePrefix(prefix)}-${randomSuffix()}`;
  await core.createNamespace({
    body: { metadata: { name, labels: { [TEST_NAMESPACE_LABEL]: 'true' } } },
  });
  await waitFor(
    async () => {
      try {
        return await core.readNamespacedServiceAccount({ name: 'default', namespace: name });
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    // 90 s, not 30: right after a kube-apiserver restart (the fault tests make one) its authorizer
    // answers 403 until its RBAC cache is in, and kube-controller-manager's reflectors back off on
    // those errors for up to 30 s each (client-go's reflector backoff), so the ServiceAccount
    // controller may be that late to create the next namespace's `default`.
    { timeoutMs: 90_000, intervalMs: 100, what: `the default ServiceAccount in namespace ${name}` },
  );
  return {
    name,
    async cleanup() {
      try {
        await core.deleteNamespace({ name });
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
  };
}
