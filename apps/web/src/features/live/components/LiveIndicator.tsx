import { useLiveStatus, useLiveStore } from '../../../lib/live/live-context';
import type { LiveStatus } from '../../../lib/live/live-store';
import { paramsFromKey } from '../../../lib/live/query-keys';

export type IndicatorState = 'live' | 'connecting' | 'reconnecting' | 'disconnected';

/** What the header's live indicator says, from the socket state and the subscriptions' states. */
export function indicatorOf(status: LiveStatus): { state: IndicatorState; label: string; detail?: string } {
  switch (status.connection) {
    case 'connecting':
      return { state: 'connecting', label: 'Connecting…' };
    case 'reconnecting':
      return {
        state: 'reconnecting',
        label: 'Reconnecting…',
        detail: 'The connection to the server dropped',
      };
    case 'disconnected':
      return { state: 'disconnected', label: 'Disconnected', detail: 'Click to connect again' };
    case 'connected': {
      if (status.problems.length === 0) return { state: 'live', label: 'Live' };
      const detail = status.problems
        .map((p) => {
          const { kind, namespace } = paramsFromKey(p.key);
          return `${kind} in ${namespace ?? 'all namespaces'}: ${p.message ?? p.state}`;
        })
        .join('\n');
      return { state: 'reconnecting', label: 'Reconnecting…', detail };
    }
  }
}

const DOT: Record<IndicatorState, string> = {
  live: 'bg-emerald-500',
  connecting: 'bg-amber-500 animate-pulse',
  reconnecting: 'bg-amber-500 animate-pulse',
  disconnected: 'bg-red-500',
};

/** Live / Reconnecting… / Disconnected, from the socket and the subscriptions' states. */
export function LiveIndicator() {
  const store = useLiveStore();
  const { state, label, detail } = indicatorOf(useLiveStatus());
  return (
    <div
      role="status"
      data-testid="live-indicator"
      data-state={state}
      title={detail}
      className="flex items-center gap-2 text-slate-600 text-sm dark:text-slate-300"
    >
      <span aria-hidden="true" className={`size-2 rounded-full ${DOT[state]}`} />
      <span>{label}</span>
      {state === 'disconnected' && (
        <button
          type="button"
          onClick={() => store.reconnect()}
          className="rounded px-1.5 py-0.5 text-sky-700 text-xs underline-offset-2 hover:underline dark:text-sky-400"
        >
          Reconnect
        </button>
      )}
    </div>
  );
}
