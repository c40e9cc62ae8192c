import type { KubernetesObject } from '@kubernetes/client-node';
import type { Caller } from '../kube/callers';
import type { WatchHub } from '../watch/hub';
import type { InformerListener } from '../watch/shared-informer';

/**
 * Calls `onGone` once when pod `name` goes away: deleted, or replaced by a new pod of the same
 * name (another uid). Served by the shared informer of the namespace's pods — the one the Pod page
 * itself watches, so a shell costs the apiserver no extra watch and no polling. Resolves with the
 * function that stops watching; rejects when the caller may not watch pods there (then nothing
 * watches: the session still ends when the apiserver ends the stream).
 */
export async function watchPod(
  hub: WatchHub,
  caller: Caller,
  namespace: string,
  name: string,
  onGone: (message: string) => void,
): Promise<() => void> {
  let uid: string | undefined;
  let gone = false;
  const goneBecause = (message: string) => {
    if (gone) return;
    gone = true;
    onGone(message);
  };
  const mine = (o: KubernetesObject) => o.metadata?.name === name;
  const listener: InformerListener = {
    onEvent(type, obj) {
      if (!mine(obj)) return;
      if (type === 'DELETED') goneBecause(`pod ${name} was deleted`);
      else if (uid === undefined) uid = obj.metadata?.uid;
      else if (obj.metadata?.uid !== uid) goneBecause(`pod ${name} was replaced by a new pod of that name`);
    },
    onResync(items) {
      // A relist (410 Gone, apiserver restart): the pod may have gone while the watch was down.
      const now = items.find(mine);
      if (!now) {
        if (uid !== undefined) goneBecause(`pod ${name} was deleted`);
      } else if (uid !== undefined && now.metadata?.uid !== uid) {
        goneBecause(`pod ${name} was replaced by a new pod of that name`);
      }
    },
    onStatus() {},
  };
  const sub = await hub.subscribe(caller.kc, caller.identity, { kind: 'pods', namespace }, listener);
  // Not in the cache yet (created a moment ago): its uid comes with its ADDED event.
  uid = sub.items.find(mine)?.metadata?.uid;
  return sub.release;
}
