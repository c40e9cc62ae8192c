/**
 * Component-test harness for screens fed by the live store: a fake BFF socket holding objects, the
 * real LiveStore and query client, and a router — so tests render the real screens and drive them
 * with server pushes.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach } from 'vitest';
import { LiveStoreProvider } from '../lib/live/live-context';
import { LiveStore } from '../lib/live/live-store';
import { FakeLiveServer } from '../lib/live/testing/fake-socket';

/** What a screen reads live data through; a new one for each test. */
export interface LiveBed {
  server: FakeLiveServer;
  client: QueryClient;
  store: LiveStore;
}

/** A query client and LiveStore over `server` (by default a new fake server, holding nothing yet). */
export function newLiveBed(server = new FakeLiveServer()): LiveBed {
  const client = new QueryClient();
  return { server, client, store: new LiveStore(server.client, client) };
}

/**
 * Registers the file's beforeEach/afterEach: before each test a new bed whose server `seed` fills;
 * after it, what the test rendered is unmounted and the store and cache are closed. The returned
 * object's fields are replaced for every test, so read them inside the test.
 */
export function liveBed(seed: (server: FakeLiveServer) => void = () => {}): LiveBed {
  const bed = {} as LiveBed;
  beforeEach(() => {
    Object.assign(bed, newLiveBed());
    seed(bed.server);
  });
  afterEach(() => {
    cleanup();
    bed.store.dispose();
    bed.client.clear();
  });
  return bed;
}

/** The providers App puts around every screen: the query client and the LiveStore. */
export function LiveProviders({
  bed,
  children,
}: {
  bed: Pick<LiveBed, 'client' | 'store'>;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={bed.client}>
      <LiveStoreProvider store={bed.store}>{children}</LiveStoreProvider>
    </QueryClientProvider>
  );
}

/** Renders `routes` (<Route> elements) at `url`, inside the bed's providers. */
export function renderRoutes(bed: Pick<LiveBed, 'client' | 'store'>, url: string, routes: ReactNode) {
  return render(
    <LiveProviders bed={bed}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>{routes}</Routes>
      </MemoryRouter>
    </LiveProviders>,
  );
}

/** Shows where the app has navigated to (path and search), for a route a test does not render. */
export function Where() {
  const { pathname, search } = useLocation();
  return <output data-testid="where">{pathname + search}</output>;
}

/** Runs a server push and lets the query cache notify its observers (it batches on a timer). */
export async function serverSends(push: () => void): Promise<void> {
  await act(async () => {
    push();
    await new Promise((resolve) => setTimeout(resolve, 5));
  });
}

/**
 * A creationTimestamp `m` minutes ago. client-node types it as Date, but objects off the wire (and
 * in `kubectl get -o json`) hold the string.
 */
export const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString() as unknown as Date;
