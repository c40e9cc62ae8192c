import { formatAge } from '@wheelhouse/core';
import { useNow } from '../../lib/clock';

/** kubectl's AGE, ticking with the shared clock. `since` is epoch ms. */
export function Age({ since }: { since: number | undefined }) {
  const now = useNow();
  if (since === undefined) return <>{'<unknown>'}</>;
  return <time dateTime={new Date(since).toISOString()}>{formatAge(new Date(since), new Date(now))}</time>;
}
