import { QueryClient } from '@tanstack/react-query';
import { SOCKET_PATH } from '@wheelhouse/shared-types/constants';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { io } from 'socket.io-client';
import { App } from './app/App';
import { type LiveSocket, LiveStore } from './lib/live/live-store';
import './index.css';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

// Same origin as the page: the BFF serves the SPA in production, vite proxies /api in development.
// WebSocket only: its handshake always carries Origin, which the BFF checks, whereas a browser sends
// no Origin on same-origin long-polling GETs; it also needs no sticky sessions behind a proxy.
// Reconnect within 2 s at most after the BFF comes back (socket.io's default backoff goes to 5 s).
const socket: LiveSocket = io({ path: SOCKET_PATH, transports: ['websocket'], reconnectionDelayMax: 2000 });
const liveStore = new LiveStore(socket, queryClient);

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} liveStore={liveStore} />
  </StrictMode>,
);
