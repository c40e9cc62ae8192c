/**
 * What every write route of writes.ts shares: which object a request names and who asks, the query
 * every write sends, what an answer may carry, and the audit line. The routes themselves are
 * object-writes.ts (edit, delete), apply.ts (create from YAML) and data-keys.ts (key editors).
 */
import type { KubernetesObject, V1Secret } from '@kubernetes/client-node';
import { NamespaceName, ObjectName, WritableKind } from '@wheelhouse/shared-types';
import type { Request } from 'express';
import type { Logger } from 'pino';
import type { Caller, Callers } from '../kube/callers';
import { objectPath } from '../kube/resources';
import { hideSecretValues } from '../kube/secret-values';
import { callerOf } from './caller';
import { parseInput } from './validate';

/**
 * Field managers (managedFields; server-side apply ownership), one per way of writing, as kubectl
 * names its own ("kubectl-edit", "kubectl"): a server-side apply conflict then says which Wheelhouse
 * write owns the field ("conflict with \"wheelhouse-edit\"").
 */
export const FIELD_MANAGERS = {
  /** Create from YAML: server-side apply. */
  apply: 'wheelhouse',
  /** Edit YAML: a replace (update). */
  edit: 'wheelhouse-edit',
  /** The key editors: a merge patch. */
  keys: 'wheelhouse-keys',
} as const;

export interface WriteTarget {
  kind: WritableKind;
  namespace: string;
  name: string;
  caller: Caller;
  /** The object's apiserver path. */
  path: string;
}

/** The object `:kind/:ns/:name` names, and who asks (400 naming the bad segment). */
export function writeTarget(callers: Callers, req: Request, context?: string): WriteTarget {
  const kind = parseInput(WritableKind, req.params.kind, 'kind');
  const namespace = parseInput(NamespaceName, req.params.ns, 'namespace');
  const name = parseInput(ObjectName, req.params.name, 'name');
  return {
    kind,
    namespace,
    name,
    caller: callerOf(callers, req, context),
    path: objectPath(kind, namespace, name),
  };
}

/**
 * The query of every write but a delete: its field manager, strict field validation (an unknown or
 * duplicate field is refused with the apiserver's message naming it, never dropped), and `dryRun=All`
 * for a review: the apiserver runs defaulting and admission and stores nothing.
 */
export function writeQuery(
  manager: keyof typeof FIELD_MANAGERS,
  dryRun: boolean,
): Record<string, string | undefined> {
  return {
    fieldManager: FIELD_MANAGERS[manager],
    fieldValidation: 'Strict',
    dryRun: dryRun ? 'All' : undefined,
  };
}

/** An object as a write answer carries it, in place: no managedFields, and no Secret values. */
export function answerObject<T extends KubernetesObject>(kind: WritableKind, obj: T): T {
  if (obj.metadata) delete obj.metadata.managedFields;
  if (kind === 'secrets' && obj.kind !== 'Status') hideSecretValues(obj as V1Secret);
  return obj;
}

export interface WriteEntry {
  caller: Caller;
  /** The apiserver verb: update, create, patch, delete. */
  verb: string;
  kind: string;
  namespace: string;
  name: string;
  dryRun: boolean;
}

/**
 * Sends one write to the apiserver and logs one audit line for it, whatever its outcome: who, verb,
 * object, dry run or not, and the HTTP code (the apiserver's on a refusal). Never a value, never the
 * YAML. The reads a write route makes first are not writes, and a request refused before its write
 * is sent (bad input, a stale resourceVersion seen on the read) changed nothing: neither is audited.
 */
export function auditor(log: Logger) {
  return async function audited<T>(entry: WriteEntry, write: () => Promise<T>, okCode = 200): Promise<T> {
    const { caller, ...what } = entry;
    const line = (code: number) =>
      log.info(
        { audit: 'write', user: caller.user ?? caller.identity, ...what, code },
        `${entry.dryRun ? 'dry-run ' : ''}${entry.verb} ${entry.kind} ${entry.namespace}/${entry.name}: ${code}`,
      );
    try {
      const result = await write();
      line(okCode);
      return result;
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      line(typeof code === 'number' ? code : 500);
      throw err;
    }
  };
}
export type Audited = ReturnType<typeof auditor>;
