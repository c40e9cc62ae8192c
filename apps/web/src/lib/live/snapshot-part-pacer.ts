import type { EventsPart } from './reducers';

/** The longest a snapshot's middle part waits to be shown (its count of loaded rows, too). */
const MAX_PART_DELAY_MS = 4000;

/**
 * Paces the parts of one subscription's progressive snapshot into its cache entry. Each part
 * re-renders the whole list, and at 100,000 pods twenty parts were twenty renders of it, so:
 *
 * - after the ack, parts wait until a view has painted the ack's rows (`holdUntilShown`);
 * - then the first part is shown at once (the list appears), and so is the last one (the list is
 *   whole); a change after the snapshot is never held, and takes what was held with it, in order;
 * - a middle part waits for the next flush, at most `intervalMs` after the last one at first, the
 *   wait doubling with each flush up to 4 s, so a slow LIST renders seldom.
 *
 * Parts that wait are applied together, as one state change (`apply`).
 */
export class SnapshotPartPacer {
  /** Parts received and not yet applied. */
  private parts: EventsPart[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * When parts were last applied and shown (Date.now(), taken after the render they caused); 0:
   * not since the pacer was last reset.
   */
  private appliedAt = 0;
  /** How long the next middle part may wait: doubles with each flush. */
  private delayMs: number;
  /**
   * Set from the commit until the ack's rows have been painted in a view: snapshot parts wait, so
   * the first page is not rendered together with the rest of a warm list that came right behind it.
   */
  private held: { whenObserved?: () => void } | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly apply: (parts: EventsPart[]) => void,
  ) {
    this.delayMs = intervalMs;
  }

  /** Takes one part (or a change after the snapshot): applies it now, or holds it for the next flush. */
  push(part: EventsPart): void {
    this.parts.push(part);
    const { progress } = part;
    // A snapshot part waits while the ack's rows are not yet shown; a change never waits (and
    // takes what was held with it, in order).
    if (this.held !== undefined && progress !== undefined) return;
    // A snapshot's middle part waits for the next flush, unless none happened for a while (the
    // first part is shown at once); its last part and every change after it are applied now.
    const wait = progress === undefined || progress.complete ? 0 : this.appliedAt + this.delayMs - Date.now();
    if (wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait);
  }

  /** Forgets the parts held (the subscription ended or was replaced by a full list) and starts over. */
  reset(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.held = undefined;
    this.parts = [];
    this.appliedAt = 0;
    this.delayMs = this.intervalMs;
  }

  /**
   * Holds the parts that follow an ack until a view has painted the ack's rows. A warm list of
   * 10,000 pods sends its 19 later pages within a few ms of the ack: applied as they came, on a
   * busy machine the first render could hold all 10,000 (sorted, change times) and the first rows
   * waited for it (a CPU profile of one load showed ~70 ms of it). The hold ends the frame after the first render of a view that observes
   * the list (the list may be prefetched before its view's code has loaded), or `intervalMs` after
   * that view appeared if no frame comes (a hidden tab has none). `observed`: a view observes the
   * list already; otherwise `observed()` says when one does.
   */
  holdUntilShown(observed: boolean): void {
    const held: NonNullable<typeof this.held> = {};
    this.held = held;
    const show = () => {
      if (this.held !== held) return;
      this.held = undefined;
      this.flush();
    };
    held.whenObserved = () => {
      held.whenObserved = undefined;
      // This task runs after the one in which the query's observers render the ack's list; the
      // frame after it has painted it (the timer queued in a frame callback runs after the paint).
      setTimeout(() => afterNextFrame(() => setTimeout(show, 0)), 0);
      setTimeout(show, this.intervalMs);
    };
    if (observed) held.whenObserved();
  }

  /** A view started observing the list: the hold ends once it has painted (see holdUntilShown). */
  observed(): void {
    this.held?.whenObserved?.();
  }

  /** Applies the parts held, as one state change. */
  private flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const parts = this.parts.splice(0);
    if (parts.length === 0) return;
    const last = parts.at(-1)?.progress;
    if (last !== undefined && !last.complete && this.appliedAt !== 0) {
      this.delayMs = Math.min(this.delayMs * 2, MAX_PART_DELAY_MS);
    }
    const stamp = Date.now();
    this.appliedAt = stamp;
    this.apply(parts);
    // The query's observers render in a task queued by setQueryData; this one runs after it, so
    // the next wait counts from when the list was shown, not from before a long render (after a
    // 800 ms render of 100,000 rows the parts that queued meanwhile were each applied at once).
    setTimeout(() => {
      if (this.appliedAt === stamp) this.appliedAt = Date.now();
    }, 0);
  }
}

/** The next animation frame; where there are none (no DOM), about one frame's time. */
function afterNextFrame(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => fn());
  else setTimeout(fn, 16);
}
