import { useLiveStatus, useLiveStore } from '../live-context';
import { type IndicatorState, indicatorOf } from '../live-store';

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
