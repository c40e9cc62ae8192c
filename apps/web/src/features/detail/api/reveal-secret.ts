import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RevealResponse } from '@wheelhouse/shared-types';
import { postJson } from '../../../lib/api';
import { sessionQueryOptions } from '../../../lib/session';

/**
 * POST /api/secrets/:namespace/:name/reveal {key}, with the session's CSRF token. The value is
 * returned to the caller only; it is never put in the query cache.
 */
export function useRevealSecret(namespace: string, name: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (key: string) => {
      const session = await client.fetchQuery(sessionQueryOptions());
      return postJson<RevealResponse>(
        `/api/secrets/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}/reveal`,
        { key },
        session.csrfToken,
      );
    },
  });
}
