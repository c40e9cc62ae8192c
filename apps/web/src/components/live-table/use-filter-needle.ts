import { useDeferredValue } from 'react';

/**
 * The filter the rows follow. Filtering a large list takes a while, so the box shows each key at
 * once and the rows follow in a render React may interrupt for the next key: `shown` is the filter
 * text the rows are for, `needle` what the table's search step looks for (see useShownRows).
 */
export function useFilterNeedle(filter: string) {
  const shown = useDeferredValue(filter);
  const needle = shown.trim().toLowerCase();
  return { shown, needle };
}
