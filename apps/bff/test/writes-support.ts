/**
 * Calls of the write routes (/api/objects/…) as the web makes them: same-origin, with the session's
 * CSRF token, the body as JSON; and YAML written the way the web's YAML view writes it.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import type { ApplyResponse, ErrorResponse, WriteResult } from '@wheelhouse/shared-types';
import { stringify } from 'yaml';
import { mutationHeaders } from './support';

export interface Reply<T> {
  status: number;
  json: T & Partial<ErrorResponse>;
  text: string;
}

async function send<T>(
  base: string,
  method: string,
  path: string,
  body: unknown,
  cookie?: string,
): Promise<Reply<T>> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: await mutationHeaders(base, cookie),
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: JSON.parse(text) as T & Partial<ErrorResponse>, text };
}

/** The four write routes of one BFF, as one user (a token-mode cookie, or the kubeconfig's). */
export function writesOf(base: string, cookie?: string) {
  const at = (kind: string, ns: string, name: string) => `/api/objects/${kind}/${ns}/${name}`;
  return {
    edit: (kind: string, ns: string, name: string, body: object) =>
      send<WriteResult>(base, 'PUT', at(kind, ns, name), body, cookie),
    remove: (kind: string, ns: string, name: string, body: object) =>
      send<WriteResult>(base, 'DELETE', at(kind, ns, name), body, cookie),
    keys: (kind: string, ns: string, name: string, body: object) =>
      send<WriteResult>(base, 'PATCH', `${at(kind, ns, name)}/keys`, body, cookie),
    apply: (body: object) => send<ApplyResponse>(base, 'POST', '/api/objects/apply', body, cookie),
  };
}

/** An object as the web's YAML view shows it (the `yaml` package, YAML 1.2), without managedFields. */
export function yamlOf(obj: KubernetesObject | object): string {
  const copy = structuredClone(obj) as KubernetesObject;
  if (copy.metadata) delete copy.metadata.managedFields;
  return stringify(copy, { lineWidth: 0 });
}

/** The object a GET through the BFF answers (what the web edits). */
export async function fetchObject<T extends KubernetesObject>(
  base: string,
  kind: string,
  ns: string,
  name: string,
): Promise<T> {
  const res = await fetch(`${base}/api/${kind}/${ns}/${name}`);
  if (res.status !== 200) throw new Error(`GET ${kind}/${ns}/${name}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Audit lines of the in-memory log (support.ts memoryLogger). */
export function auditLines(lines: string[]): Array<Record<string, unknown>> {
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.audit === 'write');
}
