import { readyTone } from '../../lib/kubectl/status-tone';

/**
 * READY ("1/2" containers or replicas) in the tone the lists use: amber while not every one is
 * ready, plain when all are. For the object pages; the lists' columns print the same.
 */
export function ReadyRatio({ ready }: { ready: string }) {
  const tone = readyTone(ready);
  return (
    <span className={tone === 'ok' ? undefined : 'text-amber-700 dark:text-amber-400'} data-tone={tone}>
      {ready}
    </span>
  );
}
