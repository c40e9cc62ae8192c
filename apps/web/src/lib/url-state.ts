import { useCallback } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { currentContext } from './kube-context';

/**
 * The view state that lives in the URL, so a link shows someone else the same thing:
 * `/:kind?ns=<namespace>&q=<filter>&l=<label selector>&sort=<[-]column>`. No `ns` means all namespaces.
 *
 * On a page of one object (`/:kind/:namespace/:name`, its `/health` or `/rollout`) the page's
 * namespace is the object's, whatever `?ns=` says or omits: the header and every link reached from
 * the page (the nav, the namespace switcher) stay in it until the user picks another one.
 */
export function useViewParams() {
  const [params, setParams] = useSearchParams();
  const route = useParams();
  const namespace = route.namespace || params.get('ns') || undefined;
  const onObjectPage = route.namespace !== undefined && route.name !== undefined;
  const filter = params.get('q') ?? '';
  /** The last valid label selector (kubectl grammar), sent to the server as `labelSelector`. */
  const selector = params.get('l') ?? '';

  const setFilter = useCallback(
    (value: string) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set('q', value);
          else next.delete('q');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const setSelector = useCallback(
    (value: string) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set('l', value);
          else next.delete('l');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const setNamespace = useCallback(
    (value: string | undefined) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set('ns', value);
        else next.delete('ns');
        return next;
      }),
    [setParams],
  );

  return { namespace, onObjectPage, filter, setFilter, selector, setSelector, setNamespace };
}

/**
 * One more query parameter of a view (`?sort=`, `?from=`…) as state: its value, or undefined when
 * absent, and a setter that replaces the history entry (a sort click is not a page to go back to)
 * and removes the parameter for undefined or ''.
 */
export function useUrlParam(key: string): [string | undefined, (value: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (value: string | undefined) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [key, setParams],
  );
  return [params.get(key) ?? undefined, set];
}

/**
 * The search string for a link to another view: keeps the namespace and the label selector (labels
 * such as app=… are shared across kinds, and the list names the selector it applies), drops the
 * text filter.
 */
export function searchKeepingNamespace(namespace: string | undefined, selector?: string): string {
  const params = new URLSearchParams();
  const context = currentContext();
  if (context) params.set('ctx', context);
  if (namespace) params.set('ns', namespace);
  if (selector) params.set('l', selector);
  const text = params.toString();
  return text ? `?${text}` : '';
}
