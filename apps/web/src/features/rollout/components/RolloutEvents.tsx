import type { RolloutEvent } from '../lib/rollout-view';

/** Events of the Deployment, its ReplicaSets and Pods, newest first (the timeline marks them too). */
export function RolloutEvents({ events }: { events: readonly RolloutEvent[] }) {
  if (events.length === 0) {
    return <p className="text-slate-500 text-sm dark:text-slate-400">No events for this rollout.</p>;
  }
  return (
    <ul className="space-y-1 text-sm">
      {events.slice(0, 50).map((e) => (
        <li key={e.uid} className="flex flex-wrap gap-x-3" data-testid="rollout-event">
          <span className="w-16 shrink-0 text-slate-500 tabular-nums dark:text-slate-400">
            {e.t ? new Date(e.t).toLocaleTimeString() : ''}
          </span>
          <span
            className={
              e.type === 'Warning'
                ? 'font-medium text-rose-700 dark:text-rose-300'
                : 'text-slate-600 dark:text-slate-300'
            }
          >
            {e.type}
          </span>
          <span className="font-medium">{e.reason}</span>
          <span className="font-mono text-slate-600 text-xs dark:text-slate-400">{e.object}</span>
          <span className="min-w-0 basis-full pl-[4.75rem] text-slate-700 dark:text-slate-300">
            {e.message}
            {e.count > 1 ? ` (×${e.count})` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
