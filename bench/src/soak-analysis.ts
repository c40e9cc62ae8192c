/**
 * The soak's verdict from its samples: least-squares slopes of the BFF's RSS and event-loop lag after a
 * warm-up, and the limits a leak must cross to fail the run (why these numbers: see SOAK_LIMITS).
 */
import { median, round, slope } from './stats';

/** One scrape of the BFF's /metrics (every 10 s), plus what the observers had received by then. */
export interface SoakSample {
  /** Seconds since the observers were subscribed. */
  t: number;
  rssMiB: number;
  heapUsedMiB: number;
  externalMiB: number;
  /** perf_hooks event-loop delay over the 10 s since the previous scrape (prom-client resets it). */
  lagP50Ms: number;
  lagP99Ms: number;
  lagMaxMs: number;
  cpuCores: number;
  sockets: number;
  subscriptions: number;
  informers: number;
  activeHandles: number;
  eventsSent: number;
  queueDrops: number;
  resyncs: number;
  observerEvents: number;
  /** The machine's 1-minute load average (2 shared cores): other work moves the lag. */
  loadAverage: number;
}

/**
 * The verdict reads per-minute blocks (6 samples), not single scrapes: memory by each minute's floor
 * (the lowest RSS after that minute's collections — what a leak raises, while the GC sawtooth, tens of
 * MiB here, moves the peaks), delay and CPU per event by each minute's median (one stall is not a trend). Start and end
 * are the medians of the first and last three blocks after the warm-up.
 *
 * A leak fails the run only when both hold: the floor's slope over the second half of the analysed
 * window exceeds the rate, and the end exceeds the start by the growth — a slope fitted to noise alone
 * does not fail it, nor does one step (a cache filled once, then flat).
 *
 * Why 20 MiB/h: the churn is ~7 writes/s (~25,000 watch events an hour) seen by 200 sockets, and one
 * socket reconnects every 15 s (240 an hour). A leak of what the BFF handles per event fanned out to
 * sockets (≥ 100 B × 200 sockets) grows ≥ 500 MiB/h; one of ≥ 1 KiB per watch event, ≥ 25 MiB/h; one
 * of ≥ 100 KiB per closed socket (its listeners or a snapshot), ≥ 24 MiB/h. 8 MiB is 20 MiB/h over the
 * 25 analysed minutes of the default 30-minute run.
 *
 * The event-loop delay and the BFF's CPU per event sent are reported, not judged: on this shared 2-core
 * machine both follow the other processes' load. In the first full run the load average went 16 → 49
 * and the delay's p99 160 → 500 ms while CPU per event stayed flat; in the second (load 35–64, the
 * sampler itself starved) throughput recovered from ~700 to ~1,750 events/s and CPU per 1,000 events
 * went 26 → 44 ms as the 50-ms batches changed size. A trend in them is a lead to chase on a quiet
 * machine, not a verdict.
 */
export const SOAK_LIMITS = {
  rssSlopeMiBPerHour: 20,
  rssGrowthMiB: 8,
  warmupMaxMinutes: 5,
};

export interface SoakTrend {
  /** Median of the first / last three per-minute blocks after the warm-up. */
  start: number;
  end: number;
  min: number;
  max: number;
  /** Least-squares slope per hour of every sample after the warm-up, and of its second half. */
  slopePerHour: number;
  slopeSecondHalfPerHour: number;
  /** The same of the per-minute blocks (floor for memory, median for lag): what the verdict reads. */
  blockSlopePerHour: number;
  blockSlopeSecondHalfPerHour: number;
}

export interface SoakAnalysis {
  warmupSeconds: number;
  analysedSamples: number;
  rssMiB: SoakTrend;
  heapUsedMiB: SoakTrend;
  lagP99Ms: SoakTrend & { median: number };
  lagMaxMs: number;
  /** The BFF's CPU milliseconds per 1,000 events sent to sockets, between consecutive samples. */
  cpuMsPerKiloEvents: SoakTrend;
  /** 1-minute load average of the machine at the start and end of the analysed window. */
  loadAverage: { start: number; end: number; max: number };
  leak: boolean;
  reasons: string[];
}

/** Warm-up: the first quarter of the run, at most 5 minutes (informers fill, V8 sizes its heap). */
export function warmupSeconds(totalSeconds: number): number {
  return Math.min(SOAK_LIMITS.warmupMaxMinutes * 60, Math.round(totalSeconds / 4));
}

const BLOCK = 6;
const hours = (s: SoakSample) => s.t / 3600;

function trend<S extends SoakSample>(
  window: S[],
  pick: (s: S) => number,
  reduce: (vs: number[]) => number,
): SoakTrend {
  const xs = window.map(hours);
  const ys = window.map(pick);
  const bx: number[] = [];
  const by: number[] = [];
  for (let i = 0; i + BLOCK <= window.length; i += BLOCK) {
    bx.push(median(xs.slice(i, i + BLOCK)));
    by.push(reduce(ys.slice(i, i + BLOCK)));
  }
  const half = Math.floor(xs.length / 2);
  const bHalf = Math.floor(bx.length / 2);
  const ends = (vs: number[]) => (vs.length ? vs : ys);
  return {
    start: round(median(ends(by.slice(0, 3))), 2),
    end: round(median(ends(by.slice(-3))), 2),
    min: round(Math.min(...ys), 2),
    max: round(Math.max(...ys), 2),
    slopePerHour: round(slope(xs, ys), 2),
    slopeSecondHalfPerHour: round(slope(xs.slice(half), ys.slice(half)), 2),
    blockSlopePerHour: round(slope(bx, by), 2),
    blockSlopeSecondHalfPerHour: round(slope(bx.slice(bHalf), by.slice(bHalf)), 2),
  };
}

const floor = (vs: number[]) => Math.min(...vs);

export function analyseSoak(samples: SoakSample[], totalSeconds: number): SoakAnalysis {
  const warm = warmupSeconds(totalSeconds);
  const window = samples.filter((s) => s.t >= warm);
  if (window.length < 4) throw new Error(`soak: only ${window.length} samples after the warm-up`);
  const rss = trend(window, (s) => s.rssMiB, floor);
  const heap = trend(window, (s) => s.heapUsedMiB, floor);
  const lag = trend(window, (s) => s.lagP99Ms, median);
  const L = SOAK_LIMITS;
  const reasons: string[] = [];
  const leak = rss.blockSlopeSecondHalfPerHour > L.rssSlopeMiBPerHour && rss.end - rss.start > L.rssGrowthMiB;
  if (leak) {
    reasons.push(
      `RSS floor grows ${rss.blockSlopeSecondHalfPerHour} MiB/h over the second half (limit ${L.rssSlopeMiBPerHour}) and ended ${round(rss.end - rss.start)} MiB above its start (limit ${L.rssGrowthMiB})`,
    );
  }
  // CPU per event between a sample and the one before it (none when no event was sent in between).
  const perEvent = window.flatMap((s) => {
    const prev = samples[samples.indexOf(s) - 1];
    const events = prev ? s.eventsSent - prev.eventsSent : 0;
    return prev && events > 0 ? [{ ...s, work: (s.cpuCores * (s.t - prev.t) * 1e6) / events }] : [];
  });
  const work = trend(perEvent, (s) => s.work, median);
  return {
    warmupSeconds: warm,
    analysedSamples: window.length,
    rssMiB: rss,
    heapUsedMiB: heap,
    lagP99Ms: { ...lag, median: round(median(window.map((s) => s.lagP99Ms)), 2) },
    lagMaxMs: round(Math.max(...window.map((s) => s.lagMaxMs)), 1),
    cpuMsPerKiloEvents: work,
    loadAverage: {
      start: window[0]?.loadAverage ?? Number.NaN,
      end: window[window.length - 1]?.loadAverage ?? Number.NaN,
      max: Math.max(...window.map((s) => s.loadAverage)),
    },
    leak,
    reasons,
  };
}
