import { usePrefetchQuery } from '@tanstack/react-query';
import type { ListShape, ResourceKind } from '@wheelhouse/shared-types';
import { useLiveNotice, useLiveStore } from '../../../lib/live/live-context';
import { liveListOptions, useLiveList } from '../../../lib/live/live-query';
import { useViewParams } from '../../../lib/url-state';

/** What a list view subscribes to: objects, or for pods the rows the BFF computes (`shape: 'row'`). */
export const LIST_SHAPE: { readonly [K in ResourceKind]?: ListShape } = { pods: 'row' };

/** The live list a view of `kind` shows for the URL's namespace and label selector (`?ns=&l=`). */
function useListParams<K extends ResourceKind>(kind: K) {
  const view = useViewParams();
  const params = {
    kind,
    namespace: view.namespace,
    labelSelector: view.selector || undefined,
    shape: LIST_SHAPE[kind],
  };
  return { view, params };
}

/**
 * What every list view needs from the URL and the live store: the namespace, text filter and label
 * selector (`?ns=&q=&l=`), and the live list subscribed with that selector on the server — as
 * objects, or as the rows the BFF computes (`shape: 'row'`, pods).
 */
export function useListView<K extends ResourceKind>(kind: K) {
  const { view, params } = useListParams(kind);
  const query = useLiveList(params, { keepWhileSelectorChanges: true });
  const notice = useLiveNotice(params);
  return { ...view, query, notice };
}

/**
 * Subscribes to the list a view of `kind` will show before the view's code has loaded, so the
 * snapshot travels while the route's chunk downloads and parses (the first page load of `/pods` sent
 * its subscribe ~50 ms after the socket was up, waiting for the lazy chunk). The view's own
 * `useListView` then finds the query running or done under the same key. TanStack Query's
 * prefetch-before-suspense hook: it does nothing when the cache holds the list already.
 */
export function usePrefetchListView(kind: ResourceKind): void {
  const { params } = useListParams(kind);
  usePrefetchQuery(liveListOptions(useLiveStore(), params));
}
