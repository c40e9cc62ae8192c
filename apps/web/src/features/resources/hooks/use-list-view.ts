import type { ResourceKind } from '@wheelhouse/shared-types';
import { useLiveNotice } from '../../../lib/live/live-context';
import { useLiveList } from '../../../lib/live/live-query';
import { useViewParams } from '../../../lib/url-state';

/**
 * What every list view needs from the URL and the live store: the namespace, text filter and label
 * selector (`?ns=&q=&l=`), and the live list subscribed with that selector on the server.
 */
export function useListView<K extends ResourceKind>(kind: K) {
  const view = useViewParams();
  const params = { kind, namespace: view.namespace, labelSelector: view.selector || undefined };
  const query = useLiveList(params, { keepWhileSelectorChanges: true });
  const notice = useLiveNotice(params);
  return { ...view, query, notice };
}
