/**
 * What a delete takes with it, in words, before the user confirms: a Deployment's ReplicaSets and
 * their Pods, a ReplicaSet's Pods (the garbage collector follows ownerReferences), and for a Pod or
 * ReplicaSet that a controller owns, that the controller will create a replacement. Pure: computed
 * from the live lists the dialog already watches.
 */
import type { V1OwnerReference, V1Pod, V1ReplicaSet } from '@kubernetes/client-node';
import type { WritableKind } from '@wheelhouse/shared-types';
import { KINDS } from '@wheelhouse/shared-types/constants';

export type Propagation = 'Background' | 'Foreground' | 'Orphan';

/** Each policy as `kubectl delete --cascade=…` explains it (the apiserver's default for these kinds is Background). */
export const PROPAGATION: ReadonlyArray<{ policy: Propagation; cascade: string; words: string }> = [
  {
    policy: 'Background',
    cascade: '--cascade=background (kubectl’s default)',
    words: 'It goes at once; the garbage collector then deletes what it owns.',
  },
  {
    policy: 'Foreground',
    cascade: '--cascade=foreground',
    words: 'What it owns is deleted first; it stays, Terminating, until they are gone.',
  },
  {
    policy: 'Orphan',
    cascade: '--cascade=orphan',
    words: 'Only it goes; what it owns stays running, with no owner.',
  },
];

interface Meta {
  metadata?: { name?: string; uid?: string; ownerReferences?: V1OwnerReference[] };
}

export interface DeletePlan {
  /** "deployment/web" */
  label: string;
  /** What goes with it when propagation is not Orphan, by kind. */
  owned: Array<{ noun: string; names: string[] }>;
  /** Whether a propagation choice means anything (it owns something in the dashboard's kinds). */
  cascades: boolean;
  /** Who brings it back, or that nothing will. */
  afterwards: string | undefined;
}

function controllerOf(obj: Meta): V1OwnerReference | undefined {
  return obj.metadata?.ownerReferences?.find((r) => r.controller === true);
}

function ownedBy<T extends Meta>(items: readonly T[], uids: ReadonlySet<string>): T[] {
  return items.filter((i) => i.metadata?.ownerReferences?.some((r) => uids.has(r.uid)));
}

const names = (items: readonly Meta[]) => items.map((i) => i.metadata?.name ?? '').sort();

export function deletePlan(
  kind: WritableKind,
  object: Meta,
  related: { replicaSets?: readonly V1ReplicaSet[]; pods?: readonly V1Pod[] },
): DeletePlan {
  const name = object.metadata?.name ?? '';
  const label = `${KINDS[kind].kind.toLowerCase()}/${name}`;
  const uid = object.metadata?.uid;
  const owned: DeletePlan['owned'] = [];
  let afterwards: string | undefined;
  const controller = controllerOf(object);

  if (kind === 'deployments' && uid) {
    const rs = ownedBy(related.replicaSets ?? [], new Set([uid]));
    const pods = ownedBy(related.pods ?? [], new Set(rs.map((r) => r.metadata?.uid ?? '')));
    owned.push({ noun: 'ReplicaSets', names: names(rs) }, { noun: 'Pods', names: names(pods) });
  } else if (kind === 'replicasets' && uid) {
    owned.push({ noun: 'Pods', names: names(ownedBy(related.pods ?? [], new Set([uid]))) });
    if (controller?.kind === 'Deployment') {
      afterwards = `Deployment ${controller.name} owns it: if it is the Deployment’s current ReplicaSet, the Deployment creates a new one.`;
    }
  } else if (kind === 'pods') {
    afterwards =
      controller === undefined
        ? 'No controller owns it: it will not come back.'
        : controller.kind === 'ReplicaSet'
          ? `Its ReplicaSet ${controller.name} will replace it.`
          : `Its ${controller.kind} ${controller.name} will likely replace it.`;
  }
  return {
    label,
    owned: owned.filter((o) => o.names.length > 0),
    cascades: kind === 'deployments' || kind === 'replicasets',
    afterwards,
  };
}
