import { type KubeConfig, type KubernetesObject, Watch } from '@kubernetes/client-node';
import { slimObject } from '@wheelhouse/core';
import type { ResourceKind } from '@wheelhouse/shared-types';
import { sanitize } from '../kube/sanitize';

/**
 * What the cache holds and subscribers get: sanitized (no Secret values), then slim (what list views
 * read; object pages GET the full object).
 */
export function cacheable(kind: ResourceKind, obj: KubernetesObject): KubernetesObject {
  return slimObject(kind, sanitize(kind, obj));
}

/**
 * client-node's Watch, asking the apiserver for BOOKMARK events (so a quiet resource's
 * resourceVersion stays fresh and a re-watch after a reconnect rarely hits 410), stripping every
 * object before the ListWatch caches it, and telling us when a watch connection is established.
 */
export class SanitizingWatch extends Watch {
  constructor(
    kc: KubeConfig,
    private readonly kind: ResourceKind,
    private readonly onConnected: () => void,
  ) {
    super(kc);
  }
  override async watch(
    path: string,
    queryParams: Record<string, string | number | boolean | undefined>,
    callback: (phase: string, apiObj: KubernetesObject, watchObj?: unknown) => void,
    done: (err: unknown) => void,
  ): Promise<AbortController> {
    let finished = false;
    const controller = await super.watch(
      path,
      { ...queryParams, allowWatchBookmarks: true },
      (phase, obj, watchObj) => {
        const kept = phase !== 'ERROR' && phase !== 'BOOKMARK' && obj ? cacheable(this.kind, obj) : obj;
        callback(phase, kept, watchObj);
      },
      (err) => {
        finished = true;
        done(err);
      },
    );
    if (!finished) this.onConnected();
    return controller;
  }
}
