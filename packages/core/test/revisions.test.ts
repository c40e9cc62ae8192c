import type { V1Deployment, V1ReplicaSet } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import {
  ANNOTATIONS_KEPT_ON_UNDO,
  annotationsAfterUndo,
  planUndo,
  replicaSetsOf,
  revisionHistory,
  revisionOf,
  rollbackTarget,
  templateForRollback,
  templatesEqualIgnoringHash,
} from '../src/revisions';
import capturedRev3Json from './fixtures/captured-deployment-web-revision-3.json';
import capturedRev4Json from './fixtures/captured-deployment-web-revision-4-after-undo-to-1.json';
import capturedRev5Json from './fixtures/captured-deployment-web-revision-5-after-undo.json';
import capturedSets123Json from './fixtures/captured-replicasets-web-revisions-1-2-3.json';
import capturedSets234Json from './fixtures/captured-replicasets-web-revisions-2-3-4.json';
import capturedSets245Json from './fixtures/captured-replicasets-web-revisions-2-4-5.json';
import rollingDeploymentJson from './fixtures/synthetic-deployment-rolling-update.json';
import replicaSetRevision2Json from './fixtures/synthetic-replicaset-revision-2.json';

// JSON fixtures carry timestamps as strings where client-node types say Date; the code accepts both.
const rollingDeployment = rollingDeploymentJson as unknown as V1Deployment;
const replicaSetRevision2 = replicaSetRevision2Json as unknown as V1ReplicaSet;
// Captured from the local cluster with kubectl (see fixtures/README.md): `web` at revision 3, then
// after `kubectl rollout undo --to-revision=1` (revision 4), then after `kubectl rollout undo` (5).
const rev3 = capturedRev3Json as unknown as V1Deployment;
const rev4 = capturedRev4Json as unknown as V1Deployment;
const rev5 = capturedRev5Json as unknown as V1Deployment;
const sets123 = (capturedSets123Json as unknown as { items: V1ReplicaSet[] }).items;
const sets234 = (capturedSets234Json as unknown as { items: V1ReplicaSet[] }).items;
const sets245 = (capturedSets245Json as unknown as { items: V1ReplicaSet[] }).items;
/** The annotations as kubectl's patch wrote them, before the controller set the new revision number. */
const asPatched = (d: V1Deployment, revision: string) => ({
  ...d.metadata?.annotations,
  'deployment.kubernetes.io/revision': revision,
});

function replicaSet(annotations?: Record<string, string>): V1ReplicaSet {
  const rs: V1ReplicaSet = {
    metadata: { name: 'web-abc' },
    spec: {
      selector: { matchLabels: { app: 'web', 'pod-template-hash': 'abc' } },
      template: {
        metadata: { labels: { app: 'web', 'pod-template-hash': 'abc', tier: 'frontend' } },
        spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] },
      },
    },
  };
  if (annotations && rs.metadata) rs.metadata.annotations = annotations;
  return rs;
}

describe('revisionOf', () => {
  it('reads the deployment.kubernetes.io/revision annotation as a number', () => {
    expect(revisionOf(replicaSet({ 'deployment.kubernetes.io/revision': '7' }))).toBe(7);
    expect(revisionOf(replicaSetRevision2)).toBe(2);
    expect(revisionOf(rollingDeployment)).toBe(3);
  });

  it('returns undefined without the annotation', () => {
    expect(revisionOf(replicaSet())).toBeUndefined();
    expect(revisionOf(replicaSet({ other: '1' }))).toBeUndefined();
  });

  it('returns undefined for a value that is not an integer', () => {
    expect(revisionOf(replicaSet({ 'deployment.kubernetes.io/revision': 'abc' }))).toBeUndefined();
    expect(revisionOf(replicaSet({ 'deployment.kubernetes.io/revision': '1.5' }))).toBeUndefined();
    expect(revisionOf(replicaSet({ 'deployment.kubernetes.io/revision': '' }))).toBeUndefined();
  });
});

describe('templateForRollback', () => {
  it('returns the ReplicaSet template without the pod-template-hash label', () => {
    const template = templateForRollback(replicaSet());
    expect(template.metadata?.labels).toEqual({ app: 'web', tier: 'frontend' });
    expect(template.spec?.containers[0]?.image).toBe('nginx:1.26');
  });

  it('leaves the ReplicaSet itself unchanged', () => {
    const rs = replicaSet();
    const template = templateForRollback(rs);
    template.spec?.containers.push({ name: 'extra' });
    expect(rs.spec?.template?.metadata?.labels).toHaveProperty('pod-template-hash', 'abc');
    expect(rs.spec?.template?.spec?.containers).toHaveLength(1);
  });

  it('matches the Deployment template labels for the realistic revision-2 ReplicaSet', () => {
    const template = templateForRollback(replicaSetRevision2);
    expect(template.metadata?.labels).toEqual(rollingDeployment.spec?.template.metadata?.labels);
    expect(template.spec?.containers[0]?.image).toBe('nginx:1.26');
  });

  it('returns an empty template for a ReplicaSet without one', () => {
    expect(templateForRollback({ metadata: { name: 'x' } })).toEqual({});
  });

  it('copies Date values instead of sharing them', () => {
    const rs = replicaSet();
    const created = new Date('2025-01-01T00:00:00Z');
    if (rs.spec?.template?.metadata) rs.spec.template.metadata.creationTimestamp = created;
    const copy = templateForRollback(rs).metadata?.creationTimestamp;
    expect(copy).toEqual(created);
    expect(copy).not.toBe(created);
  });
});

/** A ReplicaSet of `web` at `revision`, owned by the Deployment with uid `owner`. */
function revisionSet(revision: number | undefined, image: string, owner = 'uid-web'): V1ReplicaSet {
  const annotations: Record<string, string> = {};
  if (revision !== undefined) annotations['deployment.kubernetes.io/revision'] = String(revision);
  return {
    metadata: {
      name: `web-${revision ?? 'x'}`,
      annotations,
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: owner, controller: true },
      ],
    },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web', 'pod-template-hash': `h${revision}` } },
        spec: { containers: [{ name: 'web', image }] },
      },
    },
  };
}

describe('rollbackTarget', () => {
  const sets = [
    revisionSet(3, 'web:3'),
    revisionSet(1, 'web:1'),
    revisionSet(4, 'web:4'),
    revisionSet(2, 'web:2'),
  ];

  it('takes the second-highest revision as "previous", whatever the list order', () => {
    const target = rollbackTarget(sets);
    expect(target.found && target.revision).toBe(3);
    expect(rollbackTarget(sets, 0)).toEqual(target);
  });

  it('takes the named revision when one is given', () => {
    const target = rollbackTarget(sets, 1);
    expect(target.found && target.replicaSet.metadata?.name).toBe('web-1');
  });

  it('says which revisions exist when the named one does not', () => {
    expect(rollbackTarget(sets, 9)).toEqual({
      found: false,
      previous: false,
      toRevision: 9,
      revisions: [1, 2, 3, 4],
    });
  });

  it('finds no previous revision with a single revision', () => {
    expect(rollbackTarget([revisionSet(1, 'web:1')])).toEqual({
      found: false,
      previous: true,
      revisions: [1],
    });
    expect(rollbackTarget([])).toEqual({ found: false, previous: true, revisions: [] });
  });

  it('ignores ReplicaSets without a readable revision', () => {
    const target = rollbackTarget([
      revisionSet(undefined, 'web:x'),
      revisionSet(5, 'web:5'),
      revisionSet(2, 'web:2'),
    ]);
    expect(target.found && target.revision).toBe(2);
  });
});

describe('replicaSetsOf', () => {
  it('keeps the ReplicaSets the Deployment controls, by UID, in order', () => {
    const d: V1Deployment = { metadata: { name: 'web', uid: 'uid-web' } };
    const mine = [revisionSet(1, 'web:1'), revisionSet(2, 'web:2')];
    const other = revisionSet(7, 'web:7', 'uid-other');
    const adopted = revisionSet(8, 'web:8');
    const owner = adopted.metadata?.ownerReferences?.[0];
    if (owner) owner.controller = false;
    expect(replicaSetsOf(d, [mine[0] as V1ReplicaSet, other, adopted, mine[1] as V1ReplicaSet])).toEqual(
      mine,
    );
  });

  it('keeps none for a Deployment without a UID', () => {
    expect(replicaSetsOf({ metadata: { name: 'web' } }, [revisionSet(1, 'web:1')])).toEqual([]);
  });
});

describe('templatesEqualIgnoringHash', () => {
  it('ignores the pod-template-hash label and field order', () => {
    const rs = revisionSet(2, 'web:2');
    const template = {
      spec: { containers: [{ image: 'web:2', name: 'web' }] },
      metadata: { labels: { app: 'web' } },
    };
    expect(templatesEqualIgnoringHash(rs.spec?.template ?? {}, template)).toBe(true);
    expect(
      templatesEqualIgnoringHash(rs.spec?.template ?? {}, {
        ...template,
        metadata: { labels: { app: 'x' } },
      }),
    ).toBe(false);
  });
});

describe('annotationsAfterUndo', () => {
  it("keeps the Deployment's bookkeeping and takes every other annotation from the ReplicaSet", () => {
    const d: V1Deployment = {
      metadata: {
        name: 'web',
        annotations: {
          'deployment.kubernetes.io/revision': '3',
          'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Deployment"}',
          'kubernetes.io/change-cause': 'set image web=web:3',
          team: 'payments',
        },
      },
    };
    const rs = revisionSet(1, 'web:1');
    if (rs.metadata?.annotations) {
      rs.metadata.annotations['kubernetes.io/change-cause'] = 'first release';
      rs.metadata.annotations['deployment.kubernetes.io/desired-replicas'] = '2';
    }
    expect(annotationsAfterUndo(d, rs)).toEqual({
      'deployment.kubernetes.io/revision': '3',
      'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Deployment"}',
      'kubernetes.io/change-cause': 'first release',
    });
  });

  it('lists the annotations kubectl keeps (rollback.go annotationsToSkip)', () => {
    expect([...ANNOTATIONS_KEPT_ON_UNDO].sort()).toEqual([
      'deployment.kubernetes.io/desired-replicas',
      'deployment.kubernetes.io/max-replicas',
      'deployment.kubernetes.io/revision',
      'deployment.kubernetes.io/revision-history',
      'deprecated.deployment.rollback.to',
      'kubectl.kubernetes.io/last-applied-configuration',
    ]);
  });
});

describe('planUndo', () => {
  const deployment = (image: string): V1Deployment => ({
    metadata: { name: 'web', uid: 'uid-web', annotations: { 'deployment.kubernetes.io/revision': '2' } },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } },
    },
  });
  const sets = [revisionSet(1, 'web:1'), revisionSet(2, 'web:2')];

  it('writes the previous template without its hash label', () => {
    const plan = planUndo(deployment('web:2'), sets);
    expect(plan).toMatchObject({ found: true, skip: false, revision: 1 });
    if (plan.found && !plan.skip) {
      expect(plan.template.metadata?.labels).toEqual({ app: 'web' });
      expect(plan.template.spec?.containers[0]?.image).toBe('web:1');
      expect(plan.annotations).toEqual({ 'deployment.kubernetes.io/revision': '2' });
    }
  });

  it('skips, in kubectl words, when the template already is the target', () => {
    expect(planUndo(deployment('web:2'), sets, 2)).toEqual({
      found: true,
      skip: true,
      revision: 2,
      message: 'skipped rollback (current template already matches revision 2)',
    });
  });

  it('passes "not found" through', () => {
    expect(planUndo(deployment('web:2'), sets, 5)).toMatchObject({ found: false, toRevision: 5 });
  });
});

describe('revisionHistory', () => {
  it('lists one row per revision, oldest first, marking the current one', () => {
    const d: V1Deployment = { metadata: { annotations: { 'deployment.kubernetes.io/revision': '2' } } };
    const old = revisionSet(1, 'web:1');
    if (old.metadata) {
      old.metadata.creationTimestamp = new Date('2026-01-02T03:04:05Z');
      old.metadata.annotations = { ...old.metadata.annotations, 'kubernetes.io/change-cause': 'first' };
    }
    const rows = revisionHistory(d, [revisionSet(2, 'web:2'), revisionSet(undefined, 'web:x'), old]);
    expect(rows.map((r) => [r.revision, r.current, r.images, r.changeCause, r.createdAt])).toEqual([
      [1, false, ['web:1'], 'first', '2026-01-02T03:04:05.000Z'],
      [2, true, ['web:2'], undefined, undefined],
    ]);
    expect(rows[0]?.template.metadata?.labels).toEqual({ app: 'web' });
  });
});

describe('against kubectl rollout undo on a real cluster', () => {
  it("finds the Deployment's three ReplicaSets and lists them as `kubectl rollout history` does", () => {
    const sets = replicaSetsOf(rev3, sets123);
    expect(sets).toHaveLength(3);
    // REVISION  CHANGE-CAUSE: 1 <none>, 2 <none>, 3 kubectl set image deployment/web web=registry.invalid/web:2
    expect(
      revisionHistory(rev3, sets).map((r) => [r.revision, r.changeCause ?? '<none>', r.current]),
    ).toEqual([
      [1, '<none>', false],
      [2, '<none>', false],
      [3, 'kubectl set image deployment/web web=registry.invalid/web:2', true],
    ]);
  });

  it("writes what `kubectl rollout undo --to-revision=1` wrote: revision 1's template, its annotations", () => {
    const plan = planUndo(rev3, sets123, 1);
    if (!plan.found || plan.skip) throw new Error(`expected a patch, got ${JSON.stringify(plan)}`);
    expect(plan.revision).toBe(1);
    expect(plan.template).toEqual(rev4.spec?.template);
    // The change-cause of revision 3 is gone (revision 1 had none); last-applied stays.
    expect(plan.annotations).toEqual(asPatched(rev4, '3'));
  });

  it('takes "previous" as the second-highest revision, as `kubectl rollout undo` did: 3, not 2', () => {
    // After the undo to 1 the revisions are 2, 3 and 4: the one used before 4 in time was 3.
    const plan = planUndo(rev4, sets234);
    if (!plan.found || plan.skip) throw new Error(`expected a patch, got ${JSON.stringify(plan)}`);
    expect(plan.revision).toBe(3);
    expect(plan.template).toEqual(rev5.spec?.template);
    // The change-cause comes back with the revision it was recorded for.
    expect(plan.annotations).toEqual(asPatched(rev5, '4'));
  });

  it('skips like kubectl when the template already is the target (pod-template-hash aside)', () => {
    // kubectl: "deployment.apps/web skipped rollback (current template already matches revision 5)"
    expect(planUndo(rev5, sets245, 5)).toEqual({
      found: true,
      skip: true,
      revision: 5,
      message: 'skipped rollback (current template already matches revision 5)',
    });
    expect(rollbackTarget(sets245)).toMatchObject({ found: true, revision: 4 });
  });
});
