import { type StatusTone, statusTone } from '../../lib/kubectl/status-tone';

const TONE_CLASSES: Record<StatusTone, string> = {
  ok: 'text-emerald-700 dark:text-emerald-400',
  progress: 'text-amber-700 dark:text-amber-400',
  done: 'text-slate-500 dark:text-slate-400',
  error: 'text-red-700 font-medium dark:text-red-400',
};
const DOT_CLASSES: Record<StatusTone, string> = {
  ok: 'bg-emerald-500',
  progress: 'bg-amber-500',
  done: 'bg-slate-400',
  error: 'bg-red-500',
};

/**
 * STATUS with a coloured dot: green running, amber on its way, red a problem. The text truncates on
 * its own (text-overflow does not reach into a flex container's text, so the cell's would not show an
 * ellipsis) and the whole status is the tooltip.
 */
export function Status({ status, tone: given }: { status: string; tone?: StatusTone }) {
  // A pod's STATUS by default; other kinds (a node's Ready, a namespace's Active) pass their own tone.
  const tone = given ?? statusTone(status);
  return (
    <span
      className={`flex min-w-0 items-center gap-1.5 ${TONE_CLASSES[tone]}`}
      data-tone={tone}
      title={status}
    >
      <span aria-hidden="true" className={`size-1.5 shrink-0 rounded-full ${DOT_CLASSES[tone]}`} />
      <span className="min-w-0 truncate">{status}</span>
    </span>
  );
}
