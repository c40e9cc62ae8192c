import { formatRestarts } from '@wheelhouse/core';
import { useNow } from '../../lib/clock';

/**
 * RESTARTS as `kubectl get pods` prints it: `4 (7m ago)`, the age ticking; `last` is epoch ms. The
 * whole value is its tooltip, for where a narrow cell cuts it with an ellipsis.
 */
export function Restarts({ count, last }: { count: number; last: number | undefined }) {
  const now = useNow();
  const text = formatRestarts(count, last === undefined ? undefined : new Date(last), new Date(now));
  return <span title={text}>{text}</span>;
}
