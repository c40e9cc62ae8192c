import { toggleButton } from './ui';

/** A pod of a workload view, as its toggle shows it. */
export interface PodSource {
  name: string;
  colour: string;
  phase: string;
  /** Went away (deleted, or no longer selected): its lines stay, its stream stopped. */
  gone: boolean;
}

/**
 * Per-pod and per-container visibility toggles (pressed = shown). Pods carry their colour and say
 * when they wait to start or are gone; containers are offered when there are several.
 */
export function SourceToggles({
  pods,
  containers,
  hiddenPods,
  hiddenContainers,
  onTogglePod,
  onToggleContainer,
}: {
  pods: readonly PodSource[];
  containers: readonly string[];
  hiddenPods: ReadonlySet<string>;
  hiddenContainers: ReadonlySet<string>;
  onTogglePod(name: string): void;
  onToggleContainer(name: string): void;
}) {
  return (
    <div className="space-y-1">
      <fieldset className="flex flex-wrap items-center gap-1.5" data-testid="log-pods">
        <legend className="float-left mr-1 text-slate-600 text-xs dark:text-slate-400">
          Pods ({pods.filter((p) => !p.gone).length})
        </legend>
        {pods.map((p) => {
          const shown = !hiddenPods.has(p.name);
          const state = p.gone ? 'gone' : p.phase === 'Running' ? '' : p.phase.toLowerCase();
          return (
            <button
              key={p.name}
              type="button"
              aria-pressed={shown}
              data-testid={`log-pod-${p.name}`}
              data-state={p.gone ? 'gone' : p.phase}
              title={shown ? `Hide the lines of ${p.name}` : `Show the lines of ${p.name}`}
              onClick={() => onTogglePod(p.name)}
              className={`${toggleButton(shown)} inline-flex items-center gap-1 font-mono`}
            >
              <span
                aria-hidden="true"
                className="inline-block h-2 w-2 rounded-full"
                style={{ background: p.colour }}
              />
              <span className={p.gone ? 'line-through' : ''}>{p.name}</span>
              {state && <span className="font-sans text-[11px] italic">{state}</span>}
            </button>
          );
        })}
      </fieldset>
      {containers.length > 1 && (
        <fieldset className="flex flex-wrap items-center gap-1.5" data-testid="log-containers">
          <legend className="float-left mr-1 text-slate-600 text-xs dark:text-slate-400">Containers</legend>
          {containers.map((c) => (
            <button
              key={c}
              type="button"
              aria-pressed={!hiddenContainers.has(c)}
              onClick={() => onToggleContainer(c)}
              className={`${toggleButton(!hiddenContainers.has(c))} font-mono`}
            >
              {c}
            </button>
          ))}
        </fieldset>
      )}
    </div>
  );
}
