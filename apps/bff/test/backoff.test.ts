import { KubeConfig } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_MS, backoffDelay, type Clock, SharedInformer } from '../src/watch/shared-informer';

/** A clock that records the delays asked for and fires them only when told to. */
function manualClock() {
  const pending: Array<{ fn: () => void; ms: number }> = [];
  const clock: Clock = {
    setTimeout: (fn, ms) => {
      const t = { fn, ms };
      pending.push(t);
      return t;
    },
    clearTimeout: (h) => {
      const i = pending.indexOf(h as (typeof pending)[number]);
      if (i >= 0) pending.splice(i, 1);
    },
  };
  return { clock, pending };
}

describe('informer restart backoff', () => {
  it('doubles from 500 ms and caps at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(backoffDelay)).toEqual([
      500,
      1000,
      2000,
      4000,
      8000,
      16000,
      BACKOFF_MAX_MS,
      BACKOFF_MAX_MS,
      BACKOFF_MAX_MS,
    ]);
  });

  it('restarts a ListWatch that an unreachable apiserver stopped, with growing delays and no sleeping', async () => {
    // Port 9 on loopback: nothing listens, every list fails at once with ECONNREFUSED.
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'down', server: 'https://127.0.0.1:9', skipTLSVerify: false }],
      users: [{ name: 'u', token: 't' }],
      contexts: [{ name: 'down', cluster: 'down', user: 'u' }],
      currentContext: 'down',
    });
    const { clock, pending } = manualClock();
    const informer = new SharedInformer(kc, { kind: 'pods', namespace: 'default' }, clock);
    const states: string[] = [];
    informer.listeners.add({
      onEvent: () => undefined,
      onResync: () => undefined,
      onStatus: (s) => states.push(s),
    });
    informer.state = 'live'; // pretend it had been live, to see the transition
    informer.start();
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const deadline = Date.now() + 5000;
      while (pending.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      const next = pending.shift();
      expect(next, `restart ${i + 1} was scheduled`).toBeDefined();
      delays.push(next?.ms ?? -1);
      next?.fn();
    }
    informer.stop();
    expect(delays).toEqual([500, 1000, 2000, 4000]);
    expect(states[0]).toBe('reconnecting');
    expect(informer.restarts).toBe(4);
    expect(informer.lastError).toMatch(/cannot reach the apiserver/);
  });
});
