/**
 * The write routes (packages/shared-types writes.ts), each a mutation sent with the session's CSRF
 * token, as the caller: PUT an edited object, POST YAML to create or update, DELETE with the
 * resourceVersion the user saw, PATCH a ConfigMap's or Secret's keys. Errors are the apiserver's
 * (`ApiError`, 409/422/403 with their reason, message and causes). None of them touches the query
 * cache: the live lists show every write as the watch reports it.
 */
import { useMutation } from '@tanstack/react-query';
import type {
  ApplyRequest,
  ApplyResponse,
  DeleteRequest,
  EditRequest,
  KeysRequest,
  WritableKind,
  WriteResult,
} from '@wheelhouse/shared-types';
import { ApiError, sendJson } from '../../../lib/api';
import { getSession } from '../../../lib/session';

export interface ObjectTarget {
  kind: WritableKind;
  namespace: string;
  name: string;
}

export function objectPath({ kind, namespace, name }: ObjectTarget): string {
  return `/api/objects/${kind}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
}

async function csrf(): Promise<string> {
  return (await getSession()).csrfToken;
}

/** PUT /api/objects/:kind/:ns/:name — replace from YAML (dryRun: the apiserver's would-be object). */
export async function putObject(
  target: ObjectTarget,
  body: Omit<EditRequest, 'context'>,
): Promise<WriteResult> {
  return sendJson<WriteResult>('PUT', objectPath(target), body, await csrf());
}

/** POST /api/objects/apply — create or update every document of the YAML. */
export async function applyYaml(body: Omit<ApplyRequest, 'context'>): Promise<ApplyResponse> {
  return sendJson<ApplyResponse>('POST', '/api/objects/apply', body, await csrf());
}

/** DELETE /api/objects/:kind/:ns/:name with preconditions.resourceVersion and a propagation policy. */
export async function deleteObject(
  target: ObjectTarget,
  body: Omit<DeleteRequest, 'context'>,
): Promise<WriteResult> {
  return sendJson<WriteResult>('DELETE', objectPath(target), body, await csrf());
}

/** PATCH /api/objects/:kind/:ns/:name/keys — only the keys named are touched. */
export async function patchKeys(
  target: ObjectTarget,
  body: Omit<KeysRequest, 'context'>,
): Promise<WriteResult> {
  return sendJson<WriteResult>('PATCH', `${objectPath(target)}/keys`, body, await csrf());
}

export function useEditObject(target: ObjectTarget) {
  return useMutation({ mutationFn: (body: Omit<EditRequest, 'context'>) => putObject(target, body) });
}

export function useApplyYaml() {
  return useMutation({ mutationFn: applyYaml });
}

export function usePatchKeys(target: ObjectTarget) {
  return useMutation({ mutationFn: (body: Omit<KeysRequest, 'context'>) => patchKeys(target, body) });
}

/** The apiserver refused the write because the object changed since the user looked at it. */
export function isConflict(error: unknown): error is ApiError {
  return error instanceof ApiError && error.body.code === 409;
}
