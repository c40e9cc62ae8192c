import type { KubernetesObject } from '@kubernetes/client-node';
import { matchesSelector, parseSelector } from '@wheelhouse/core';
import type { WatchEventType } from '@wheelhouse/shared-types';
import type { PageProgress } from './paged-list';
import type { InformerListener, InformerSpec } from './shared-informer';

/** Whether an informer of `wide` sees everything a subscription of `narrow` asks for (same kind). */
export function covers(wide: InformerSpec, narrow: InformerSpec): boolean {
  if (wide.kind !== narrow.kind) return false;
  if (wide.namespace !== undefined && wide.namespace !== narrow.namespace) return false;
  if (wide.labelSelector !== undefined && wide.labelSelector !== narrow.labelSelector) return false;
  return true;
}

function keyOf(obj: KubernetesObject): string {
  return obj.metadata?.uid ?? `${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;
}

/**
 * A narrower subscription served from a wider informer that is already running (a namespace's pods
 * from the all-namespaces pods informer, a labelled list from the unlabelled one): one watch on the
 * apiserver instead of two. Passes on what the narrow spec selects, with the apiserver's own
 * semantics for a label selector watch: an object whose labels stop matching is DELETED for this
 * subscriber, one that starts matching is ADDED.
 */
export class NarrowingListener implements InformerListener {
  private readonly selector;
  /** Objects this subscriber holds (only tracked with a selector: namespaces never change). */
  private readonly held = new Set<string>();

  constructor(
    private readonly spec: InformerSpec,
    private readonly inner: InformerListener,
  ) {
    this.selector = spec.labelSelector ? parseSelector(spec.labelSelector) : undefined;
  }

  /** Filters a snapshot and remembers what it handed out (the first one, and after a relist). */
  admit(items: KubernetesObject[]): KubernetesObject[] {
    this.held.clear();
    const kept = this.select(items);
    if (this.selector) for (const o of kept) this.held.add(keyOf(o));
    return kept;
  }

  /** What of `items` this subscription selects (a resync's snapshot taken at the flush). */
  select(items: KubernetesObject[]): KubernetesObject[] {
    return items.filter((o) => this.matches(o));
  }

  private matches(obj: KubernetesObject): boolean {
    if (this.spec.namespace !== undefined && obj.metadata?.namespace !== this.spec.namespace) return false;
    return !this.selector || matchesSelector(this.selector, obj.metadata?.labels);
  }

  onEvent(type: WatchEventType, obj: KubernetesObject): void {
    const now = type !== 'DELETED' && this.matches(obj);
    if (!this.selector) {
      if (this.spec.namespace === undefined || obj.metadata?.namespace === this.spec.namespace)
        this.inner.onEvent(type, obj);
      return;
    }
    const key = keyOf(obj);
    const before = this.held.has(key);
    if (now) {
      this.held.add(key);
      this.inner.onEvent(before ? type : 'ADDED', obj);
    } else if (before) {
      this.held.delete(key);
      this.inner.onEvent('DELETED', obj);
    }
  }

  onChunk(items: KubernetesObject[], progress: PageProgress): void {
    // The wide list's progress is not this one's: report what passed the filter, without a total.
    const kept = items.filter((o) => this.matches(o));
    if (this.selector) for (const o of kept) this.held.add(keyOf(o));
    this.inner.onChunk?.(kept, { loaded: progress.loaded });
  }

  onComplete(progress: PageProgress, resourceVersion: string): void {
    this.inner.onComplete?.({ loaded: progress.loaded }, resourceVersion);
  }

  onResync(items: KubernetesObject[], resourceVersion: string): void {
    this.inner.onResync(this.admit(items), resourceVersion);
  }

  onStatus(state: Parameters<InformerListener['onStatus']>[0], message?: string): void {
    this.inner.onStatus(state, message);
  }
}
