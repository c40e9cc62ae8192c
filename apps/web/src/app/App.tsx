import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useParams } from 'react-router';
import { usePrefetchListView } from '../features/resources/hooks/use-list-view';
import { LiveStoreProvider } from '../lib/live/live-context';
import type { LiveStore } from '../lib/live/live-store';
import { viewKind } from './kinds';
import { Shell } from './Shell';

const ResourceView = lazy(() => import('../features/resources/components/ResourceView'));
const RolloutPage = lazy(() => import('../features/rollout/components/RolloutPage'));
const HealthPage = lazy(() => import('../features/health/components/HealthPage'));
const DetailPage = lazy(() => import('../features/detail/components/DetailPage'));
const WorkloadLogsPage = lazy(() => import('../features/logs/components/WorkloadLogsPage'));
const NamespacesView = lazy(() => import('../features/namespaces/components/NamespacesView'));
const NodesView = lazy(() => import('../features/nodes/components/NodesView'));
const NodePage = lazy(() => import('../features/nodes/components/NodePage'));
const EventsView = lazy(() => import('../features/events/components/EventsView'));

function KindPage() {
  const view = viewKind(useParams().kind);
  if (view === undefined) return <NotFound />;
  return <KnownKindPage view={view} />;
}

function KnownKindPage({ view }: { view: NonNullable<ReturnType<typeof viewKind>> }) {
  // The list's snapshot starts on its way while ResourceView's chunk loads.
  usePrefetchListView(view.kind);
  return <ResourceView key={view.kind} kind={view.kind} title={view.label} noun={view.noun} />;
}

function NotFound() {
  return (
    <div className="px-4 py-10 text-center text-slate-500 text-sm">
      <title>Not found — Wheelhouse</title>
      <p>There is no view at {useLocation().pathname}.</p>
    </div>
  );
}

function ToPods() {
  return <Navigate to={{ pathname: '/pods', search: useLocation().search }} replace />;
}

export function App({ queryClient, liveStore }: { queryClient: QueryClient; liveStore: LiveStore }) {
  return (
    <QueryClientProvider client={queryClient}>
      <LiveStoreProvider store={liveStore}>
        <BrowserRouter>
          <Routes>
            <Route element={<Shell />}>
              <Route index element={<ToPods />} />
              <Route path="logs" element={<WorkloadLogsPage />} />
              <Route path="namespaces" element={<NamespacesView />} />
              <Route path="nodes" element={<NodesView />} />
              <Route path="nodes/:node" element={<NodePage />} />
              <Route path="events" element={<EventsView />} />
              <Route path=":kind" element={<KindPage />} />
              <Route path="deployments/:namespace/:name/rollout" element={<RolloutPage />} />
              <Route path="pods/:namespace/:name/health" element={<HealthPage />} />
              <Route path=":kind/:namespace/:name" element={<DetailPage />} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </LiveStoreProvider>
    </QueryClientProvider>
  );
}
