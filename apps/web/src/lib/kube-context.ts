/**
 * The kubeconfig context this tab works in: `?ctx=<name>` in the URL, read once when the page
 * loads (no `ctx`: the server's default context). Switching context loads the page again, so no
 * list, cache entry or subscription of one cluster can leak into another.
 */
const initial = typeof window === 'undefined' ? null : new URLSearchParams(window.location.search).get('ctx');

export function currentContext(): string | undefined {
  return initial || undefined;
}

/** A BFF path with `context=` added when this tab works in a non-default context. */
export function withContext(path: string, context = currentContext()): string {
  if (!context) return path;
  return `${path}${path.includes('?') ? '&' : '?'}context=${encodeURIComponent(context)}`;
}

/** Opens the same view in another context (a full page load). */
export function switchContext(
  name: string,
  location: Pick<Location, 'href' | 'assign'> = window.location,
): void {
  const url = new URL(location.href);
  url.searchParams.set('ctx', name);
  location.assign(url.toString());
}
