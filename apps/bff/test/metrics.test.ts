import { describe, expect, it } from 'vitest';
import { createMetrics } from '../src/metrics';
import { WatchHub } from '../src/watch/hub';

/** One unlabelled series of a Prometheus text exposition. */
function value(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? Number.NaN : Number(line.slice(line.lastIndexOf(' ') + 1));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The soak (bench/src/soak.ts) reads RSS and event-loop delay from /metrics every 10 s and fits a
// trend to them: each scrape must report the delay since the previous one, not since start-up.
describe('/metrics: memory and event-loop delay', () => {
  it('shows a 500 ms stall of the event loop in the next scrape, and not in the one after', async () => {
    const { registry } = createMetrics(new WatchHub());
    await registry.metrics();
    // perf_hooks records the interval between ticks of a 10 ms timer, and not the first one after a
    // reset (each scrape resets): let one tick pass, as any stall inside a 10 s window would.
    await sleep(50);
    const until = performance.now() + 500;
    while (performance.now() < until) {
      // A synchronous stall, as a long JSON.parse or a hot loop over a big list would cause.
    }
    await sleep(30);
    const stalled = await registry.metrics();
    expect(value(stalled, 'wheelhouse_nodejs_eventloop_lag_max_seconds')).toBeGreaterThanOrEqual(0.45);
    expect(value(stalled, 'wheelhouse_nodejs_eventloop_lag_p99_seconds')).toBeGreaterThan(0);

    await sleep(100);
    const calm = await registry.metrics();
    expect(value(calm, 'wheelhouse_nodejs_eventloop_lag_max_seconds')).toBeLessThan(0.45);
    expect(value(calm, 'wheelhouse_process_resident_memory_bytes')).toBeGreaterThan(10 * 2 ** 20);
    expect(value(calm, 'wheelhouse_nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });
});
