import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CoreV1Api } from '@kubernetes/client-node';
import { expect, type Page, test } from '@playwright/test';
import { ensureCluster } from '@wheelhouse/testkit';
import { screenshotPath } from '../support/artifacts';

const assets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../apps/web/dist/assets');

/**
 * Records every Content-Security-Policy violation of the page, across navigations: the DOM's
 * `securitypolicyviolation` event (what a report-uri would be sent) and Chromium's console line
 * ("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not an allowed source…"),
 * which also covers violations an exception handler swallowed.
 */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__wheelhouseCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __wheelhouseCspViolation: (t: string) => void })
        .__wheelhouseCspViolation;
      report(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

// Security finding 8 (issue #15): the rollout page's chunk bundled zod through a value import from
// @wheelhouse/shared-types, and zod's JIT probes `new Function("")`, which `script-src 'self'` refuses.
test("no page of the demo breaks the CSP (no eval, no inline script), the rollout cockpit's first", async ({
  page,
}) => {
  const { kc } = await ensureCluster();
  const pods = await kc
    .makeApiClient(CoreV1Api)
    .listNamespacedPod({ namespace: 'demo', labelSelector: 'app=api' })
    .catch(() => undefined);
  const pod = pods?.items[0]?.metadata?.name;
  expect(pod, 'the demo namespace is seeded (tools/cluster/cluster seed; make test does it)').toBeDefined();
  const violations = await recordViolations(page);

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/deployments/demo/api/rollout');
  await expect(page.getByTestId('rollout-status')).toBeVisible();
  await expect(page.getByTestId('history')).toBeVisible();
  await page.screenshot({ path: screenshotPath('demo-rollout-api.png'), fullPage: true });
  expect(violations, 'CSP violations on the rollout page').toEqual([]);

  // Every lazily loaded page: its chunk is evaluated on the first visit.
  for (const [url, ready] of [
    [`/pods/demo/${pod}/health`, 'health-page'],
    // The terminal's chunk (xterm.js) and its stylesheet.
    [`/pods/demo/${pod}?tab=shell`, 'shell-terminal'],
    ['/deployments/demo/api?ns=demo', 'rollout-link'],
    ['/deployments/demo/api?ns=demo&tab=yaml', 'yaml-view'],
    ['/deployments/demo/api?ns=demo&tab=logs', 'log-output'],
    ['/logs?ns=demo&l=app%3Dapi', 'log-output'],
    ['/deployments?ns=demo', 'row-api'],
    ['/pods?ns=demo', 'live-indicator'],
  ] as const) {
    await page.goto(url);
    await expect(page.getByTestId(ready)).toBeVisible();
    expect(violations, `CSP violations on ${url}`).toEqual([]);
  }
});

test('the built SPA bundles no zod (a value import from @wheelhouse/shared-types would)', () => {
  // zod's JIT (`allowsEval`) is what broke the CSP; the web reads the contract's types only.
  const chunks = readdirSync(assets).filter((f) => f.endsWith('.js'));
  expect(chunks.length, `apps/web/dist/assets (run pnpm build)`).toBeGreaterThan(0);
  const withZod = chunks.filter((f) => readFileSync(path.join(assets, f), 'utf8').includes('_zod'));
  expect(withZod).toEqual([]);
});
