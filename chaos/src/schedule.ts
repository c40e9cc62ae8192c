/**
 * The seeded part of a chaos run: a small PRNG (mulberry32: 32 bits of state, good enough to pick
 * times and targets, and the same sequence on every machine) and the fault schedule drawn from it
 * before the run starts, so `CHAOS_SEED=<n> make chaos` replays the same faults at the same offsets.
 */

export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;

export const FAULT_TYPES = [
  'apiserver-kill', // kube-apiserver SIGKILL, down for holdMs, started again with its recorded arguments
  'etcd-compact', // etcd compacted at its current revision: every watch resumed from before gets 410
  'bff-kill', // the BFF SIGKILL, down for holdMs, started again on the same port
  'proxy-cut', // every client connection through the proxy cut, new ones refused for holdMs
  'proxy-delay', // every chunk through the proxy delayed by delayMs, for holdMs
  'slow-consumer', // a subscribed socket stops reading for holdMs (its TCP window fills)
  'burst', // 1,000 changes sent as fast as the apiserver takes them (aimed at one second)
] as const;
export type FaultType = (typeof FAULT_TYPES)[number];

export interface ScheduledFault {
  /** Offset from the start of the churn phase. */
  atMs: number;
  type: FaultType;
  /** How long the fault lasts (down time, refusal window, delay window, stall). */
  holdMs: number;
  /** proxy-delay only: added latency per chunk. */
  delayMs?: number;
}

/**
 * Every fault type at least once, then one more fault per `everyMs` of run on average, all at random
 * offsets in the first 85% of the run (the rest is left for the faults to end before the quiet period).
 * Faults overlap freely; a type never overlaps itself (the runner serializes per type).
 */
export function drawSchedule(rng: Rng, durationMs: number, everyMs = 30_000): ScheduledFault[] {
  const window = Math.max(1, Math.floor(durationMs * 0.85));
  const extra = Math.max(0, Math.floor(durationMs / everyMs) - FAULT_TYPES.length);
  const types: FaultType[] = [...FAULT_TYPES];
  for (let i = 0; i < extra; i++) types.push(pick(rng, FAULT_TYPES));
  const faults = types.map((type): ScheduledFault => {
    const atMs = int(rng, 2_000, window);
    switch (type) {
      case 'apiserver-kill':
        return { atMs, type, holdMs: int(rng, 0, 4_000) };
      case 'bff-kill':
        return { atMs, type, holdMs: int(rng, 0, 3_000) };
      case 'proxy-cut':
        return { atMs, type, holdMs: int(rng, 0, 3_000) };
      case 'proxy-delay':
        return { atMs, type, holdMs: int(rng, 3_000, 10_000), delayMs: int(rng, 100, 1_500) };
      case 'slow-consumer':
        return { atMs, type, holdMs: int(rng, 5_000, 20_000) };
      default:
        return { atMs, type, holdMs: 0 };
    }
  });
  return faults.sort((a, b) => a.atMs - b.atMs);
}
