/**
 * Replicas behind one Service without sticky sessions: a browser reads the session (its CSRF token)
 * from one replica and may send the next write, or its token-mode login, to another. With the same
 * WHEELHOUSE_CSRF_TOKEN (the chart sets it from a Secret when replicas > 1) either replica accepts it;
 * without it each process makes its own and the other refuses with 403.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WheelhouseApp } from '../src/app';
import { mutationHeaders, startBff } from './support';

const SHARED = 'replica-test-csrf-token-0123456789abcdefghij';

async function logout(url: string, headers: Record<string, string>): Promise<number> {
  // Origin must match the replica's own origin, as the Service's one address would make it.
  const res = await fetch(`${url}/api/logout`, { method: 'POST', headers: { ...headers, Origin: url } });
  return res.status;
}

describe('BFF replicas share the CSRF token', () => {
  const bffs: Array<{ app: WheelhouseApp; url: string }> = [];
  beforeAll(async () => {
    bffs.push(await startBff({ env: { WHEELHOUSE_CSRF_TOKEN: SHARED } }));
    bffs.push(await startBff({ env: { WHEELHOUSE_CSRF_TOKEN: SHARED } }));
    bffs.push(await startBff());
  });
  afterAll(async () => {
    for (const b of bffs) await b.app.close();
  });

  it("a write carrying one replica's token is accepted by another replica with the same WHEELHOUSE_CSRF_TOKEN", async () => {
    const [a, b] = bffs;
    if (!a || !b) throw new Error('replicas not started');
    const fromA = await mutationHeaders(a.url);
    expect(fromA['x-wheelhouse-csrf']).toBe(SHARED);
    expect(await logout(b.url, fromA)).toBe(200);
    expect(await logout(a.url, await mutationHeaders(b.url))).toBe(200);
  });

  it('403 from a process with its own random token: why replicas need the shared one', async () => {
    const [a, , own] = bffs;
    if (!a || !own) throw new Error('replicas not started');
    const fromOwn = await mutationHeaders(own.url);
    expect(fromOwn['x-wheelhouse-csrf']).not.toBe(SHARED);
    expect(fromOwn['x-wheelhouse-csrf']).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await logout(own.url, await mutationHeaders(a.url))).toBe(403);
    expect(await logout(own.url, fromOwn)).toBe(200);
  });
});
