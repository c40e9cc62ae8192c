import type { ListShape, ResourceKind } from '@wheelhouse/shared-types';
import { useLiveNotice } from '../../../lib/live/live-context';
import { useLiveList } from '../../../lib/live/live-query';
import { useViewParams } from '../../../lib/url-state';

/**
 * What every list view needs from the URL and the live store: the namespace, text filter and label
 * selector (`?ns=&q=&l=`), and the live list subscribed with that selector on the server — as
 * objects, or as the rows the BFF computes (`shape: 'row'`, pods).
 */
export function useListView<K extends ResourceKind, S extends ListShape = 'object'>(kind: K, shape?: S) {
  const view = useViewParams();
  const params = { kind, namespace: view.namespace, labelSelector: view.selector || undefined, shape };
  const query = useLiveList(params, { keepWhileSelectorChanges: true });
  const notice = useLiveNotice(params);
  return { ...view, query, notice };
}
