import type { V1Deployment } from '@kubernetes/client-node';
import { rolloutStatus } from '@wheelhouse/core';
import { progressOf, type RolloutReplicaSet } from '../lib/rollout-view';

/** The rollout's state and `kubectl rollout status` line, and how far the new ReplicaSet is. */
export function RolloutStatusCard({ d, rows }: { d: V1Deployment; rows: readonly RolloutReplicaSet[] }) {
  const status = rolloutStatus(d);
  const progress = progressOf(d, rows);
  const paused = d.spec?.paused === true;
  const tone = status.failed
    ? 'border-rose-300 bg-rose-50 dark:border-rose-800 dark:bg-rose-950/40'
    : paused && !status.done
      ? 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40'
      : status.done
        ? 'border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40'
        : 'border-sky-300 bg-sky-50 dark:border-sky-800 dark:bg-sky-950/40';
  const bar = status.failed
    ? 'bg-rose-500'
    : status.done
      ? 'bg-emerald-500'
      : paused
        ? 'bg-amber-500'
        : 'bg-sky-500';
  return (
    <div className={`space-y-2 rounded-lg border p-4 ${tone}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span
          className={`rounded px-1.5 py-0.5 font-semibold text-white text-xs uppercase ${
            status.failed
              ? 'bg-rose-700'
              : paused
                ? 'bg-amber-700'
                : status.done
                  ? 'bg-emerald-700'
                  : 'bg-sky-700'
          }`}
          data-testid="rollout-state"
        >
          {status.failed ? 'failed' : paused ? 'paused' : status.done ? 'complete' : 'in progress'}
        </span>
        <p className="font-mono text-sm" data-testid="rollout-status" aria-live="polite">
          {status.failed ? `error: ${status.message}` : status.message}
        </p>
      </div>
      <div
        role="progressbar"
        aria-label="New replicas available"
        aria-valuemin={0}
        aria-valuemax={progress.desired}
        aria-valuenow={progress.available}
        className="h-2 overflow-hidden rounded-full bg-white/70 dark:bg-slate-800"
      >
        <div
          className={`h-full transition-[width] duration-500 ${bar}`}
          style={{ width: `${progress.fraction * 100}%` }}
        />
      </div>
      <p className="text-slate-600 text-xs dark:text-slate-400" data-testid="rollout-progress">
        {progress.available} of {progress.desired} desired replicas available on the new ReplicaSet
      </p>
    </div>
  );
}
