import { hashKey } from '@tanstack/react-query';
import type { ListShape, ResourceKind } from '@wheelhouse/shared-types';
import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react';
import type { LiveStatus, LiveStore, SubscriptionProblem } from './live-store';
import { type LiveParams, liveKey } from './query-keys';

const LiveStoreContext = createContext<LiveStore | null>(null);

export function LiveStoreProvider({ store, children }: { store: LiveStore; children: ReactNode }) {
  return <LiveStoreContext value={store}>{children}</LiveStoreContext>;
}

export function useLiveStore(): LiveStore {
  const store = useContext(LiveStoreContext);
  if (store === null) throw new Error('useLiveStore needs a <LiveStoreProvider>');
  return store;
}

/** The socket state and the server-reported state of every subscription. */
export function useLiveStatus(): LiveStatus {
  const store = useLiveStore();
  return useSyncExternalStore(store.subscribeStatus, store.getStatus);
}

/** The server-reported problem of one subscription, if its watch is not live right now. */
export function useSubscriptionProblem(
  params: LiveParams<ResourceKind, ListShape>,
): SubscriptionProblem | undefined {
  const { problems } = useLiveStatus();
  const hash = hashKey(liveKey(params));
  return problems.find((p) => hashKey(p.key) === hash);
}

/**
 * What a live view should say above its data when that data may be behind: the connection is
 * down (the last state received stays on screen), or the server reports the watch recovering.
 */
export function useLiveNotice(params: LiveParams<ResourceKind, ListShape>): string | undefined {
  const { connection } = useLiveStatus();
  const problem = useSubscriptionProblem(params);
  if (connection === 'reconnecting' || connection === 'disconnected') {
    return 'Connection to the server lost: showing the last state received until it is back.';
  }
  if (problem) return `Watch interrupted, reconnecting: ${problem.message ?? problem.state}`;
  return undefined;
}
