import type { KubeConfig, KubernetesListObject, KubernetesObject } from '@kubernetes/client-node';
import { ApiServerError, kubeRequest } from '../kube/client';

export interface PageProgress {
  /** Items received so far (of this attempt: a restart starts again from zero). */
  loaded: number;
  /** The apiserver's estimate of the whole list (`remainingItemCount` + received); absent with a selector. */
  total?: number;
}

export interface PagedListOptions {
  labelSelector?: string | undefined;
  /**
   * First page's size; later pages are larger (fewer round-trips once rows are shown), up to
   * LATER_PAGE_MAX (laterPage). 0: one LIST.
   */
  firstPage: number;
  /** Each page's items, after `transform`; `restarted` when an expired continue token started it over. */
  onPage?: (items: KubernetesObject[], progress: PageProgress, restarted: boolean) => void;
  transform: (obj: KubernetesObject) => KubernetesObject;
  /** Bound on restarts after expired continue tokens before the error is passed on. */
  maxRestarts?: number;
}

/**
 * Pages after the first hold up to this many objects. Memory, not speed, sets it: a page is one JSON
 * text and the full objects parsed from it, alive until they are slimmed into the cache (and the next
 * page is already being read meanwhile). At 5,000 pods a page is ~17 MB of text and ~40 MB of objects,
 * enough to make V8 grow its young generation to its 128 MB maximum and keep it (bench/RESULTS.md,
 * "BFF memory"); at 1,000 the garbage of one page dies young. The apiserver serves pages from its
 * watch cache, so the extra round-trips cost little next to the list itself.
 */
export const LATER_PAGE_MAX = 1000;

/** Size of the pages after the first: ten times the first, at most LATER_PAGE_MAX, never smaller than the first. */
export function laterPage(firstPage: number): number {
  return Math.max(firstPage, Math.min(firstPage * 10, LATER_PAGE_MAX));
}

/**
 * A LIST in pages (limit/continue). Every page of one paginated LIST is served from the same
 * consistent snapshot, so the result's resourceVersion (the first page's) is where a WATCH resumes
 * without missing or repeating a change. When a continue token expires (410 Gone: the snapshot was
 * compacted away mid-list), the list starts over from the first page — never stitched from two
 * snapshots.
 */
export async function pagedList(
  kc: KubeConfig,
  path: string,
  opts: PagedListOptions,
): Promise<KubernetesListObject<KubernetesObject>> {
  const maxRestarts = opts.maxRestarts ?? 3;
  let restarts = 0;
  for (;;) {
    try {
      return await listOnce(kc, path, opts, restarts > 0);
    } catch (err) {
      const expired = err instanceof ContinueExpired;
      if (!expired || restarts >= maxRestarts) throw expired ? err.cause : err;
      restarts++;
    }
  }
}

class ContinueExpired extends Error {
  constructor(override readonly cause: unknown) {
    super('continue token expired');
  }
}

async function listOnce(
  kc: KubeConfig,
  path: string,
  opts: PagedListOptions,
  restarted: boolean,
): Promise<KubernetesListObject<KubernetesObject>> {
  const items: KubernetesObject[] = [];
  let head: KubernetesListObject<KubernetesObject> | undefined;
  let total: number | undefined;
  const fetchPage = (token: string | undefined): Promise<KubernetesListObject<KubernetesObject>> => {
    const limit =
      opts.firstPage > 0 ? (token === undefined ? opts.firstPage : laterPage(opts.firstPage)) : undefined;
    const page = kubeRequest<KubernetesListObject<KubernetesObject>>(kc, path, {
      query: {
        labelSelector: opts.labelSelector,
        ...(limit !== undefined ? { limit: String(limit) } : {}),
        ...(token !== undefined ? { continue: token } : {}),
      },
    }).catch((err: unknown) => {
      if (token !== undefined && err instanceof ApiServerError && err.code === 410)
        throw new ContinueExpired(err);
      throw err;
    });
    // Awaited on the next turn of the loop; until then a failure must not count as unhandled.
    page.catch(() => undefined);
    return page;
  };
  let next: Promise<KubernetesListObject<KubernetesObject>> | undefined = fetchPage(undefined);
  while (next) {
    const page: KubernetesListObject<KubernetesObject> = await next;
    // kubeRequest returns the apiserver's JSON as is: `continue`, not client-node's `_continue`.
    const token = (page.metadata as { continue?: string } | undefined)?.continue || undefined;
    // Ask for the next page before handling this one: the apiserver prepares it while this page is
    // slimmed and handed to subscribers (on a busy BFF those costs no longer add up page by page).
    next = token ? fetchPage(token) : undefined;
    const kept = page.items.map(opts.transform);
    for (const item of kept) items.push(item);
    if (head === undefined) {
      head = page;
      const remaining = page.metadata?.remainingItemCount;
      if (typeof remaining === 'number') total = kept.length + remaining;
    }
    opts.onPage?.(kept, { loaded: items.length, ...(total !== undefined ? { total } : {}) }, restarted);
  }
  // The loop ran at least once; the list's own metadata is the first page's, minus the paging.
  const first = head as KubernetesListObject<KubernetesObject>;
  const {
    continue: _token,
    remainingItemCount: _rest,
    ...metadata
  } = (first.metadata ?? {}) as {
    continue?: string;
    remainingItemCount?: number;
    resourceVersion?: string;
  };
  return { ...first, metadata, items };
}
