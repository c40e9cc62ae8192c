import type { EventRow } from '../../../lib/kubectl/cluster-rows';

/** The Events view's filters as the URL holds them (`?type=&reason=&object=`); empty means any. */
export interface EventFilters {
  /** `Normal` or `Warning` (kubectl's `--types`), exact. */
  type?: string | undefined;
  /** An event reason (`BackOff`), exact, as `--field-selector reason=` matches it. */
  reason?: string | undefined;
  /**
   * The OBJECT cell's text, `kind/name` as kubectl prints it: `pod/api-1` picks that object's
   * events, `pod/api` every pod whose name starts with api, `pod/` every pod's. Case-insensitive.
   */
  object?: string | undefined;
}

/** The rows that pass every filter that is set. */
export function filterEvents(rows: readonly EventRow[], filters: EventFilters): EventRow[] {
  const object = filters.object?.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!filters.type || r.type === filters.type) &&
      (!filters.reason || r.reason === filters.reason) &&
      (!object || r.object.toLowerCase().startsWith(object)),
  );
}

/** Each reason among the rows with how many events have it, most frequent first, then by name. */
export function reasonCounts(rows: readonly EventRow[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of rows) if (r.reason) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
}
