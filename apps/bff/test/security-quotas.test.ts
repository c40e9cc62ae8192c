/**
 * What one caller may hold on a real BFF: subscriptions per socket and across sockets, informers,
 * and sockets per client, each refused beyond its limit with kubectl's 429 (TooManyRequests).
 */
import type { SubscribeAck } from '@wheelhouse/shared-types';
import { createTestNamespace, ensureCluster, waitFor } from '@wheelhouse/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, startBff } from './support';

describe('security findings: subscriptions, informers and sockets are bounded per caller', () => {
  let ns: { name: string; cleanup(): Promise<void> };

  beforeAll(async () => {
    const { kc } = await ensureCluster();
    ns = await createTestNamespace(kc, 'bff-quotas');
  });
  afterAll(async () => {
    await ns?.cleanup();
  });

  it('150 concurrent subscribes on one socket: 100 are served, 50 get 429 (the cap is reserved before the wait)', async () => {
    const bff = await startBff();
    const socket = await connect(bff.url);
    try {
      const acks = await Promise.all(
        Array.from({ length: 150 }, () =>
          socket.timeout(60_000).emitWithAck('subscribe', { kind: 'configmaps', namespace: ns.name }),
        ),
      );
      const codes = acks.map(refused);
      expect(codes.filter((c) => c === 200)).toHaveLength(100);
      expect(codes.filter((c) => c === 429)).toHaveLength(50);
      const first = acks.find((a) => !a.ok);
      expect(!first?.ok && first?.error.reason).toBe('TooManyRequests');
    } finally {
      socket.close();
      await bff.app.close();
    }
  });

  it('bounds the informers of one caller (429 beyond the limit); an idle one makes room', async () => {
    const bff = await startBff({
      env: { WHEELHOUSE_MAX_INFORMERS_PER_CALLER: '4', WHEELHOUSE_INFORMER_GRACE_MS: '60000' },
    });
    const socket = await connect(bff.url);
    try {
      // Six distinct selectors at once would be six LIST+WATCHes: four are allowed.
      const acks = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          socket.timeout(60_000).emitWithAck('subscribe', {
            kind: 'configmaps',
            namespace: ns.name,
            labelSelector: `probe=v${i}`,
          }),
        ),
      );
      const codes = acks.map(refused);
      expect(codes.filter((c) => c === 200)).toHaveLength(4);
      expect(codes.filter((c) => c === 429)).toHaveLength(2);
      expect(bff.app.hub.stats().informers).toBe(4);
      // Released informers linger for their grace period, but do not hold the caller's budget.
      const first = acks.find((a) => a.ok);
      if (!first?.ok) throw new Error('no subscription was served');
      expect((await socket.timeout(5000).emitWithAck('unsubscribe', { subId: first.subId })).ok).toBe(true);
      const again = await socket
        .timeout(60_000)
        .emitWithAck('subscribe', { kind: 'configmaps', namespace: ns.name, labelSelector: 'probe=new' });
      expect(refused(again)).toBe(200);
      expect(bff.app.hub.stats().informers).toBe(4);
    } finally {
      socket.close();
      await bff.app.close();
    }
  });

  it('bounds the subscriptions of one caller across sockets', async () => {
    const bff = await startBff({ env: { WHEELHOUSE_MAX_SUBSCRIPTIONS_PER_CALLER: '5' } });
    const a = await connect(bff.url);
    const b = await connect(bff.url);
    try {
      const sub = (s: typeof a) =>
        s.timeout(60_000).emitWithAck('subscribe', { kind: 'configmaps', namespace: ns.name });
      const codes = (await Promise.all([sub(a), sub(a), sub(a), sub(b), sub(b), sub(b)])).map(refused);
      expect(codes.filter((c) => c === 200)).toHaveLength(5);
      expect(codes.filter((c) => c === 429)).toHaveLength(1);
      // A closed socket gives its subscriptions back.
      a.close();
      await waitFor(async () => bff.app.hub.stats().subscribers === 2, {
        timeoutMs: 10_000,
        intervalMs: 50,
        what: 'the closed socket to release its subscriptions',
      });
      expect(refused(await sub(b))).toBe(200);
    } finally {
      a.close();
      b.close();
      await bff.app.close();
    }
  });

  it('bounds the sockets of one client: the next handshake is refused with a 429 body', async () => {
    const bff = await startBff({ env: { WHEELHOUSE_MAX_SOCKETS_PER_CLIENT: '3' } });
    const open = await Promise.all([connect(bff.url), connect(bff.url), connect(bff.url)]);
    try {
      const err = (await connect(bff.url).then(
        (s) => {
          s.close();
          return undefined;
        },
        (e: unknown) => e,
      )) as { message?: string; data?: { code?: number; reason?: string } } | undefined;
      expect(err, 'the fourth socket was refused').toBeDefined();
      expect(err?.data).toMatchObject({ code: 429, reason: 'TooManyRequests' });
      // Closing one makes room again.
      open[0]?.close();
      await waitFor(
        async () =>
          connect(bff.url).then(
            (s) => {
              open.push(s);
              return true;
            },
            () => false,
          ),
        { timeoutMs: 10_000, intervalMs: 100, what: 'a socket slot to free up' },
      );
    } finally {
      for (const s of open) s.close();
      await bff.app.close();
    }
  });
});

function refused(ack: SubscribeAck): number {
  return ack.ok ? 200 : ack.error.code;
}
