/**
 * Which Deployment action the cockpit offers right now, and why not when it does not: the caller's
 * permissions (SelfSubjectAccessReviews through the BFF) first, then the Deployment's state. Pure:
 * no React, no I/O.
 */
import type { V1Deployment } from '@kubernetes/client-node';
import type { DeploymentAction, DeploymentRevision, PermissionsResponse } from '@wheelhouse/shared-types';
// The zod-free entry: a value import from the schemas entry would bundle zod, whose JIT probe
// (`new Function`) the CSP reports as an unsafe-eval violation (issue #15, finding 8).
import { ACTION_PERMISSIONS } from '@wheelhouse/shared-types/constants';

export { ACTION_PERMISSIONS };

/** The checks to ask the BFF about, once each. */
export const PERMISSION_CHECKS: readonly string[] = [...new Set(Object.values(ACTION_PERMISSIONS))];

export type ActionPermission =
  | { allowed: true }
  | { allowed: false; reason: string }
  /** Not known yet (loading), or the check itself failed: the apiserver still decides. */
  | { allowed: undefined };

/** Whether the user may take each action, from the BFF's answer (undefined while it is loading). */
export function permissionsFrom(
  response: PermissionsResponse | undefined,
  namespace: string,
): Record<DeploymentAction, ActionPermission> {
  const out = {} as Record<DeploymentAction, ActionPermission>;
  for (const [action, check] of Object.entries(ACTION_PERMISSIONS) as [DeploymentAction, string][]) {
    const result = response?.results.find((r) => r.check === check);
    const [verb, resource] = check.split(':');
    out[action] =
      result === undefined
        ? { allowed: undefined }
        : result.allowed
          ? { allowed: true }
          : { allowed: false, reason: `You may not ${verb} ${resource} in namespace ${namespace}` };
  }
  return out;
}

export const ACTION_BUTTONS: ReadonlyArray<{ action: DeploymentAction; label: string }> = [
  { action: 'scale', label: 'Scale…' },
  { action: 'restart', label: 'Restart…' },
  { action: 'pause', label: 'Pause…' },
  { action: 'resume', label: 'Resume…' },
  { action: 'undo', label: 'Undo…' },
  { action: 'image', label: 'Set image…' },
];

/**
 * Why an action can't be taken right now, or undefined when it can. An unknown permission does not
 * block (the apiserver still refuses what RBAC forbids). Restart and undo need a running rollout, as
 * kubectl's own refuse a paused Deployment (polymorphichelpers/objectrestarter.go: "can't restart
 * paused deployment (run rollout resume first)"; rollback.go: "you cannot rollback a paused deployment").
 */
export function blockedReason(
  action: DeploymentAction,
  d: V1Deployment,
  permission: ActionPermission,
  history: readonly DeploymentRevision[] | undefined,
): string | undefined {
  if (permission.allowed === false) return permission.reason;
  const paused = d.spec?.paused === true;
  if (action === 'pause' && paused) return 'Already paused';
  if (action === 'resume' && !paused) return 'Not paused';
  if ((action === 'restart' || action === 'undo') && paused) return 'Resume the rollout first';
  if (action === 'undo' && history !== undefined && history.every((r) => r.current))
    return 'No earlier revision';
  return undefined;
}

export interface ActionState {
  action: DeploymentAction;
  label: string;
  /** Why it is disabled; undefined when it is offered. */
  reason: string | undefined;
}

/** Every action button with its state, in the order the cockpit shows them. */
export function actionStates(
  d: V1Deployment,
  permissions: Record<DeploymentAction, ActionPermission>,
  history: readonly DeploymentRevision[] | undefined,
): ActionState[] {
  return ACTION_BUTTONS.map((b) => ({
    ...b,
    reason: blockedReason(b.action, d, permissions[b.action], history),
  }));
}

/**
 * Why buttons are disabled, in words under them ("Scale: You may not …"), once each. Pause and
 * resume toggling each other needs no explanation.
 */
export function blockedNotes(states: readonly ActionState[]): string[] {
  return [
    ...new Set(
      states
        .filter((s) => s.reason !== undefined && s.reason !== 'Already paused' && s.reason !== 'Not paused')
        .map((s) => `${s.label.replace('…', '')}: ${s.reason}`),
    ),
  ];
}
