/**
 * The browser observers: chromium tabs (Debian's, as e2e/playwright.config.ts runs it) on different
 * views, loaded once through the fault proxy and never reloaded. Each view knows what it must show
 * given a fresh read of the cluster: a list's rows, a selector view's rows, a ConfigMap value on an
 * object page, the rollout cockpit's replica counts, the health view's READY and RESTARTS.
 */
import { type Browser, chromium, type Page } from '@playwright/test';
import { podStatus } from '@wheelhouse/core';
import { chromiumLaunchOptions } from '@wheelhouse/testkit';
import type { Kube } from './kube';

export interface TabCheck {
  ok: boolean;
  /** What the tab shows and what a fresh read says, when they differ. */
  detail: string;
}

interface View {
  name: string;
  path: string;
  check(page: Page, k: Kube): Promise<TabCheck>;
}

async function rowNames(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid^="row-"]:not([data-testid="row-count"])')
    .evaluateAll((els) => els.map((e) => (e.getAttribute('data-testid') ?? '').replace(/^row-/, '')).sort());
}

function sameRows(shown: string[], fresh: string[]): TabCheck {
  const missing = fresh.filter((n) => !shown.includes(n));
  const ghosts = shown.filter((n) => !fresh.includes(n));
  const ok = missing.length === 0 && ghosts.length === 0;
  return { ok, detail: ok ? '' : `missing ${JSON.stringify(missing)}, ghosts ${JSON.stringify(ghosts)}` };
}

const text = async (page: Page, testId: string) =>
  (
    (await page
      .getByTestId(testId)
      .first()
      .textContent({ timeout: 2_000 })
      .catch(() => null)) ?? ''
  )
    .replace(/\s+/g, ' ')
    .trim();

/** The five views of the full run, in the order the short run takes its first N. */
export const VIEWS: View[] = [
  {
    name: 'list /pods?ns=chaos-a',
    path: '/pods?ns=chaos-a',
    async check(page, k) {
      const fresh = (await k.core.listNamespacedPod({ namespace: 'chaos-a' })).items.map(
        (p) => p.metadata?.name ?? '',
      );
      return sameRows(await rowNames(page), fresh.sort());
    },
  },
  {
    name: 'rollout cockpit chaos-a/web',
    path: '/deployments/chaos-a/web/rollout',
    async check(page, k) {
      const d = await k.apps.readNamespacedDeployment({ name: 'web', namespace: 'chaos-a' });
      const s = d.status;
      const want = `${d.spec?.replicas ?? 1} / ${s?.updatedReplicas ?? 0} / ${s?.readyReplicas ?? 0} / ${s?.availableReplicas ?? 0}`;
      const shown = await text(page, 'replica-counts');
      return {
        ok: shown === want,
        detail: shown === want ? '' : `replica counts "${shown}", fresh GET "${want}"`,
      };
    },
  },
  {
    name: 'selector /pods?ns=chaos-b&l=app=web',
    path: '/pods?ns=chaos-b&l=app%3Dweb',
    async check(page, k) {
      const fresh = (await k.core.listNamespacedPod({ namespace: 'chaos-b', labelSelector: 'app=web' }))
        .items;
      return sameRows(await rowNames(page), fresh.map((p) => p.metadata?.name ?? '').sort());
    },
  },
  {
    name: 'object page configmaps/chaos-c/settings',
    path: '/configmaps/chaos-c/settings',
    async check(page, k) {
      const cm = await k.core.readNamespacedConfigMap({ name: 'settings', namespace: 'chaos-c' });
      const want = cm.data?.generation ?? '';
      const shown =
        (await page
          .getByTestId('data-generation')
          .locator('pre')
          .textContent({ timeout: 2_000 })
          .catch(() => null)) ?? '';
      return {
        ok: shown === want,
        detail: shown === want ? '' : `generation "${shown}", fresh GET "${want}"`,
      };
    },
  },
  {
    name: 'health pods/chaos-b/sentinel',
    path: '/pods/chaos-b/sentinel/health',
    async check(page, k) {
      const summary = podStatus(await k.core.readNamespacedPod({ name: 'sentinel', namespace: 'chaos-b' }));
      const shown = await text(page, 'pod-summary');
      const ready = /READY (\S+)/.exec(shown)?.[1];
      const restarts = Number(/RESTARTS (\d+)/.exec(shown)?.[1] ?? -1);
      const ok = ready === summary.ready && restarts === summary.restarts;
      return {
        ok,
        detail: ok ? '' : `"${shown}", fresh GET READY ${summary.ready} RESTARTS ${summary.restarts}`,
      };
    },
  },
];

export interface Tab {
  view: View;
  page: Page;
  /** Full page loads seen after the first (a reload would count here). */
  loads: number;
  consoleErrors: number;
  /** The socket's subscribe acks and subStatus frames (the last 200), for the report when a tab fails. */
  trace: string[];
}

export async function openTabs(baseUrl: string, count: number): Promise<{ browser: Browser; tabs: Tab[] }> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  const tabs: Tab[] = [];
  for (const view of VIEWS.slice(0, count)) {
    // One context each: a tab of its own, with its own socket (as separate browser tabs have).
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    const tab: Tab = { view, page, loads: 0, consoleErrors: 0, trace: [] };
    const t0 = Date.now();
    const note = (dir: string, payload: string | Buffer) => {
      const text = typeof payload === 'string' ? payload : '';
      if (dir === '<' && !/subStatus|"subId"/.test(text.slice(0, 200))) return;
      if (dir === '>' && !/subscribe/.test(text.slice(0, 200))) return;
      tab.trace.push(
        `${((Date.now() - t0) / 1000).toFixed(1)} ${dir} ${text.replace(/"items":\[.*\],"resourceVersion"/, '"items":[…],"resourceVersion"').slice(0, 300)}`,
      );
      if (tab.trace.length > 200) tab.trace.shift();
    };
    page.on('websocket', (ws) => {
      note('open', ws.url());
      ws.on('framereceived', (f) => note('<', f.payload));
      ws.on('framesent', (f) => note('>', f.payload));
      ws.on('close', () => note('close', ws.url()));
    });
    await page.goto(`${baseUrl}${view.path}`);
    await page.getByTestId('live-indicator').waitFor({ timeout: 30_000 });
    // A marker only a reload can remove: the proof the tab recovered by itself.
    await page.evaluate(() => Object.assign(window, { __chaosMark: 'original' }));
    page.on('load', () => tab.loads++);
    tabs.push(tab);
  }
  return { browser, tabs };
}

export interface TabVerdict {
  name: string;
  matches: TabCheck;
  reloaded: boolean;
  indicator: string;
  /** The indicator's explanation (which subscriptions are not live), when it is not live. */
  indicatorDetail?: string;
  alerts: string[];
  trace?: string[];
}

/** The tab's view against a fresh read, whether it was reloaded, and any error left on screen. */
export async function judgeTab(tab: Tab, k: Kube): Promise<TabVerdict> {
  const { page } = tab;
  const mark = await page
    .evaluate(() => (window as unknown as { __chaosMark?: string }).__chaosMark)
    .catch(() => undefined);
  const indicator =
    (await page
      .getByTestId('live-indicator')
      .getAttribute('data-state', { timeout: 2_000 })
      .catch(() => null)) ?? 'absent';
  const indicatorDetail =
    indicator === 'live'
      ? undefined
      : ((await page
          .getByTestId('live-indicator')
          .getAttribute('title', { timeout: 2_000 })
          .catch(() => null)) ?? undefined);
  const alerts = await page
    .locator('[role="alert"]:visible')
    .allTextContents()
    .catch(() => ['(page not readable)']);
  return {
    name: tab.view.name,
    matches: await tab.view.check(page, k).catch((e: Error) => ({ ok: false, detail: e.message })),
    reloaded: mark !== 'original' || tab.loads > 0,
    indicator,
    ...(indicatorDetail ? { indicatorDetail, trace: tab.trace } : {}),
    alerts,
  };
}

export const tabOk = (v: TabVerdict): boolean =>
  v.matches.ok && !v.reloaded && v.indicator === 'live' && v.alerts.length === 0;
