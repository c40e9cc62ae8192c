import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type LogOptions, readLogOptions, writeLogOptions } from '../lib/log-options';

/** The log view's options from the URL, and a setter that writes them back (replacing history). */
export function useLogOptions(defaultTail: number) {
  const [params, setParams] = useSearchParams();
  const options = useMemo(() => readLogOptions(params, defaultTail), [params, defaultTail]);
  const update = useCallback(
    (patch: Partial<LogOptions>) =>
      setParams((prev) => writeLogOptions(prev, patch, defaultTail), { replace: true }),
    [setParams, defaultTail],
  );
  return [options, update] as const;
}
