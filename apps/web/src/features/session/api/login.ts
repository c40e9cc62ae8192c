import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postJson } from '../../../lib/api';
import { useLiveStore } from '../../../lib/live/live-context';
import { sessionQueryOptions } from '../../../lib/session';

/**
 * POST /api/login {token} (token mode) with the CSRF header. On success the server has set the
 * HttpOnly cookie: the session is read again and the socket reconnects so its handshake carries it.
 */
export function useLogin() {
  const client = useQueryClient();
  const store = useLiveStore();
  return useMutation({
    mutationFn: async (token: string) => {
      const session = await client.fetchQuery(sessionQueryOptions());
      return postJson<{ user?: string }>('/api/login', { token }, session.csrfToken);
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: sessionQueryOptions().queryKey });
      store.restart();
    },
  });
}
