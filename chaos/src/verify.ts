/**
 * The verdict: every observer against fresh reads of the cluster. For a protocol client, each of its
 * subscriptions against a fresh LIST with the same kind, namespace and selector (0 missing, 0 ghosts,
 * 0 stale resourceVersions); for a tab, what its view shows (tabs.ts), that it was never reloaded and
 * that it shows no error. A LIST taken while the controllers still settle can differ for a moment, so
 * `converge` polls until everything agrees or its deadline passes, and keeps the last disagreement.
 */
import type { SubscribeRequest } from '@wheelhouse/shared-types';
import { clean, type Divergence, diverge, type Kube, listFor } from './kube';
import type { ProtocolClient } from './protocol-client';
import { judgeTab, type Tab, type TabVerdict, tabOk } from './tabs';

export interface ClientVerdict {
  name: string;
  ok: boolean;
  connected: boolean;
  subs: Array<{ req: SubscribeRequest; state: string; lastError?: string } & Divergence>;
}

export interface Verdict {
  ok: boolean;
  clients: ClientVerdict[];
  tabs: TabVerdict[];
}

const reqKey = (r: SubscribeRequest) => `${r.kind}|${r.namespace ?? '*'}|${r.labelSelector ?? ''}`;

export async function verifyOnce(k: Kube, clients: ProtocolClient[], tabs: Tab[]): Promise<Verdict> {
  const lists = new Map<string, Awaited<ReturnType<typeof listFor>>>();
  for (const c of clients) {
    for (const s of c.subs) {
      const key = reqKey(s.req);
      if (!lists.has(key)) lists.set(key, await listFor(k, s.req));
    }
  }
  const clientVerdicts = clients.map((c): ClientVerdict => {
    const subs = c.subs.map((s) => ({
      req: s.req,
      state: s.state,
      ...(s.lastError && s.state !== 'live' ? { lastError: s.lastError } : {}),
      ...diverge(s.view, lists.get(reqKey(s.req)) ?? new Map()),
    }));
    const ok = c.connected && subs.every((s) => s.state === 'live' && clean(s));
    return { name: c.name, ok, connected: c.connected, subs };
  });
  const tabVerdicts: TabVerdict[] = [];
  for (const t of tabs) tabVerdicts.push(await judgeTab(t, k));
  return {
    ok: clientVerdicts.every((c) => c.ok) && tabVerdicts.every(tabOk),
    clients: clientVerdicts,
    tabs: tabVerdicts,
  };
}

/** Polls `verifyOnce` until all agree or `timeoutMs` passes; returns the last verdict and when. */
export async function converge(
  k: Kube,
  clients: ProtocolClient[],
  tabs: Tab[],
  timeoutMs: number,
  intervalMs = 500,
): Promise<{ verdict: Verdict; ms: number }> {
  const t0 = Date.now();
  let verdict: Verdict = { ok: false, clients: [], tabs: [] };
  for (let i = 0; i < 10_000; i++) {
    try {
      verdict = await verifyOnce(k, clients, tabs);
    } catch (err) {
      // The apiserver itself may still be coming back: a failed LIST is no verdict yet.
      verdict = {
        ok: false,
        clients: [],
        tabs: [
          {
            name: 'fresh LIST',
            matches: { ok: false, detail: (err as Error).message },
            reloaded: false,
            indicator: '',
            alerts: [],
          },
        ],
      };
    }
    if (verdict.ok || Date.now() - t0 > timeoutMs) break;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return { verdict, ms: Date.now() - t0 };
}

/** A short text per observer that did not converge. */
export function failures(v: Verdict): string[] {
  const out: string[] = [];
  for (const c of v.clients) {
    if (c.ok) continue;
    const bad = c.subs
      .filter((s) => s.state !== 'live' || !clean(s))
      .map(
        (s) =>
          `${s.req.kind} ${s.req.namespace ?? 'all'}${s.req.labelSelector ? ` -l ${s.req.labelSelector}` : ''}: ${s.state}, ${s.missing.length} missing, ${s.ghosts.length} ghosts, ${s.stale.length} stale${s.lastError ? ` (${s.lastError})` : ''}`,
      );
    out.push(`${c.name}${c.connected ? '' : ' (disconnected)'}: ${bad.join('; ')}`);
  }
  for (const t of v.tabs) {
    if (tabOk(t)) continue;
    out.push(
      `${t.name}: ${t.matches.ok ? 'view matches' : t.matches.detail}${t.reloaded ? ', RELOADED' : ''}, indicator ${t.indicator}${t.indicatorDetail ? ` (${t.indicatorDetail})` : ''}${t.alerts.length ? `, alerts ${JSON.stringify(t.alerts)}` : ''}`,
    );
  }
  return out;
}
