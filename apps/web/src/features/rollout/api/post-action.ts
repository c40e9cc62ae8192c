import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActionResponse, DeploymentAction, ErrorResponse } from '@wheelhouse/shared-types';
import { CSRF_HEADER } from '@wheelhouse/shared-types/constants';
import { ApiError } from '../../../lib/api';
import { withContext } from '../../../lib/kube-context';
import { getSession } from '../../../lib/session';
import { historyKey } from './get-history';

export interface ActionTarget {
  namespace: string;
  name: string;
}

/** POST one Deployment action with the CSRF token of the session; non-2xx answers throw `ApiError`. */
export async function postAction(
  target: ActionTarget,
  action: DeploymentAction,
  body: Record<string, unknown>,
): Promise<ActionResponse> {
  const session = await getSession();
  const path = `/api/deployments/${encodeURIComponent(target.namespace)}/${encodeURIComponent(target.name)}/${action}`;
  const res = await fetch(withContext(path), {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      [CSRF_HEADER]: session.csrfToken,
    },
    body: JSON.stringify(body),
  });
  const json: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const error = (json as ErrorResponse | undefined)?.error;
    throw new ApiError(
      error ?? {
        code: res.status,
        reason: res.statusText || 'Error',
        message: `${action} failed with HTTP ${res.status}`,
        source: 'bff',
      },
    );
  }
  return json as ActionResponse;
}

export interface ActionVariables {
  action: DeploymentAction;
  body: Record<string, unknown>;
}

/** How long to let the watch catch up before deciding whether a 409 was only about status. */
const CONFLICT_SETTLE_MS = 300;

/**
 * A Deployment action; the history is read again after a write (a new revision may exist).
 * `nextVersion`: on a 409, given the resourceVersion that was sent, the one to send instead when
 * nothing but the status changed in between (the race between a controller's status write and the
 * click), or undefined to show the conflict. Retried once at most.
 */
export function useDeploymentAction(
  target: ActionTarget,
  nextVersion?: (sent: string) => string | undefined,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ action, body }: ActionVariables) => {
      try {
        return await postAction(target, action, body);
      } catch (error) {
        if (!isConflict(error) || nextVersion === undefined) throw error;
        await new Promise((resolve) => setTimeout(resolve, CONFLICT_SETTLE_MS));
        const sent = String(body.resourceVersion ?? '');
        const next = nextVersion(sent);
        if (next === undefined || next === sent) throw error;
        return postAction(target, action, { ...body, resourceVersion: next });
      }
    },
    onSettled: (_data, _error, vars) => {
      if (vars.body.dryRun !== true) void client.invalidateQueries({ queryKey: historyKey(target) });
    },
  });
}

/** The apiserver refused the write because the object changed since the user looked at it. */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.body.code === 409;
}
