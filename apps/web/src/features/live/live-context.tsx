import { hashKey } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react';
import { type LiveParams, liveKey } from './live-query';
import type { LiveStatus, LiveStore, SubscriptionProblem } from './live-store';

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
export function useSubscriptionProblem(params: LiveParams): SubscriptionProblem | undefined {
  const { problems } = useLiveStatus();
  const hash = hashKey(liveKey(params));
  return problems.find((p) => hashKey(p.key) === hash);
}
