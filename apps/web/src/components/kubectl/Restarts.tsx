import { formatRestarts } from '@wheelhouse/core';
import { useNow } from '../../lib/clock';

/** RESTARTS as `kubectl get pods` prints it: `4 (7m ago)`, the age ticking; `last` is epoch ms. */
export function Restarts({ count, last }: { count: number; last: number | undefined }) {
  const now = useNow();
  return <>{formatRestarts(count, last === undefined ? undefined : new Date(last), new Date(now))}</>;
}
