import type { V1Deployment } from '@kubernetes/client-node';
import type { DeploymentAction, DeploymentRevision } from '@wheelhouse/shared-types';
import { describe, expect, it } from 'vitest';
import {
  type ActionPermission,
  actionStates,
  blockedNotes,
  blockedReason,
  PERMISSION_CHECKS,
  permissionsFrom,
} from './action-rules';

const deployment = (paused = false): V1Deployment => ({
  metadata: { name: 'api', namespace: 'demo' },
  spec: { replicas: 2, paused, selector: {}, template: {} },
});
const revision = (n: number, current: boolean): DeploymentRevision => ({
  revision: n,
  replicaSet: `api-${n}`,
  images: [`api:${n}`],
  template: {},
  replicas: current ? 2 : 0,
  current,
});
const twoRevisions = [revision(1, false), revision(2, true)];
const allowed: ActionPermission = { allowed: true };
const unknown: ActionPermission = { allowed: undefined };
const denied: ActionPermission = {
  allowed: false,
  reason: 'You may not patch deployments in namespace demo',
};
const ALL: DeploymentAction[] = ['scale', 'restart', 'pause', 'resume', 'undo', 'image'];

describe('blockedReason', () => {
  it('offers scale, restart, pause, undo and set image on a running Deployment with history', () => {
    for (const action of ['scale', 'restart', 'pause', 'undo', 'image'] as const) {
      expect(blockedReason(action, deployment(), allowed, twoRevisions), action).toBeUndefined();
    }
  });

  it('refuses every action the permission check denied, with its reason, before any other', () => {
    for (const action of ALL) {
      expect(blockedReason(action, deployment(true), denied, [revision(1, true)]), action).toBe(
        'You may not patch deployments in namespace demo',
      );
    }
  });

  it('does not block while the permission is unknown (the apiserver still decides)', () => {
    expect(blockedReason('scale', deployment(), unknown, twoRevisions)).toBeUndefined();
  });

  it('pause only when running, resume only when paused', () => {
    expect(blockedReason('pause', deployment(true), allowed, twoRevisions)).toBe('Already paused');
    expect(blockedReason('resume', deployment(false), allowed, twoRevisions)).toBe('Not paused');
    expect(blockedReason('resume', deployment(true), allowed, twoRevisions)).toBeUndefined();
  });

  it('restart and undo wait for a resume, as kubectl refuses them on a paused Deployment', () => {
    expect(blockedReason('restart', deployment(true), allowed, twoRevisions)).toBe(
      'Resume the rollout first',
    );
    expect(blockedReason('undo', deployment(true), allowed, twoRevisions)).toBe('Resume the rollout first');
    expect(blockedReason('scale', deployment(true), allowed, twoRevisions)).toBeUndefined();
    expect(blockedReason('image', deployment(true), allowed, twoRevisions)).toBeUndefined();
  });

  it('undo needs an earlier revision, and is offered while the history is loading', () => {
    expect(blockedReason('undo', deployment(), allowed, [revision(1, true)])).toBe('No earlier revision');
    expect(blockedReason('undo', deployment(), allowed, [])).toBe('No earlier revision');
    expect(blockedReason('undo', deployment(), allowed, undefined)).toBeUndefined();
  });
});

describe('actionStates and blockedNotes', () => {
  const permissions = (p: ActionPermission) =>
    Object.fromEntries(ALL.map((a) => [a, p])) as Record<DeploymentAction, ActionPermission>;

  it('lists every button in order with its reason', () => {
    expect(actionStates(deployment(), permissions(allowed), twoRevisions)).toEqual([
      { action: 'scale', label: 'Scale…', reason: undefined },
      { action: 'restart', label: 'Restart…', reason: undefined },
      { action: 'pause', label: 'Pause…', reason: undefined },
      { action: 'resume', label: 'Resume…', reason: 'Not paused' },
      { action: 'undo', label: 'Undo…', reason: undefined },
      { action: 'image', label: 'Set image…', reason: undefined },
    ]);
  });

  it('explains disabled buttons in words, leaving out the pause/resume toggle', () => {
    const paused = actionStates(deployment(true), permissions(allowed), [revision(1, true)]);
    expect(blockedNotes(paused)).toEqual([
      'Restart: Resume the rollout first',
      'Undo: Resume the rollout first',
    ]);
    expect(blockedNotes(actionStates(deployment(), permissions(allowed), twoRevisions))).toEqual([]);
    const no = 'You may not patch deployments in namespace demo';
    expect(blockedNotes(actionStates(deployment(), permissions(denied), twoRevisions))).toEqual(
      ['Scale', 'Restart', 'Pause', 'Resume', 'Undo', 'Set image'].map((label) => `${label}: ${no}`),
    );
  });
});

describe('permissionsFrom', () => {
  it('asks each distinct check once', () => {
    expect(PERMISSION_CHECKS).toEqual(['patch:deployments/scale', 'patch:deployments']);
  });

  it("words a denial as the user's own verb and resource; unknown until answered", () => {
    const answer = permissionsFrom(
      {
        namespace: 'demo',
        results: [
          { check: 'patch:deployments/scale', allowed: false },
          { check: 'patch:deployments', allowed: true },
        ],
      },
      'demo',
    );
    expect(answer.scale).toEqual({
      allowed: false,
      reason: 'You may not patch deployments/scale in namespace demo',
    });
    expect(answer.undo).toEqual({ allowed: true });
    expect(permissionsFrom(undefined, 'demo').image).toEqual({ allowed: undefined });
  });
});
