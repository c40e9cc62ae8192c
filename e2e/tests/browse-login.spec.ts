import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { createDeployment, createTestNamespace, ensureCluster, kubectl, waitFor } from '@wheelhouse/testkit';
import { screenshotPath } from '../support/artifacts';
import { expectNoSeriousA11yViolations } from '../support/browse';

/**
 * Token mode: a second production BFF (beside the one playwright.config.ts starts) that acts with
 * the bearer token each user logs in with, so the cluster's RBAC decides what they see.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.WHEELHOUSE_E2E_PORT ?? 7080) + 1;
const base = `http://127.0.0.1:${port}`;
let server: ChildProcess | undefined;
let stderr = '';

test.beforeAll(async () => {
  const { kubeconfigPath } = await ensureCluster();
  server = spawn(process.execPath, [path.join(root, 'apps/bff/dist/server.mjs')], {
    env: {
      ...process.env,
      KUBECONFIG: kubeconfigPath,
      WHEELHOUSE_MODE: 'token',
      WHEELHOUSE_HOST: '127.0.0.1',
      WHEELHOUSE_PORT: String(port),
      WHEELHOUSE_STATIC_DIR: path.join(root, 'apps/web/dist'),
      WHEELHOUSE_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  await waitFor(
    async () => {
      if (server?.exitCode !== null) throw new Error(`the token-mode BFF exited: ${stderr}`);
      return (await fetch(`${base}/healthz`).catch(() => undefined))?.ok === true;
    },
    { timeoutMs: 30_000, intervalMs: 200, what: 'the token-mode BFF' },
  );
});

test.afterAll(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server?.once('exit', resolve));
  server.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (server.exitCode === null) server.kill('SIGKILL');
});

test('token mode: a login screen, the 401 of a bad token, then what RBAC allows and a "may not" for the rest', async ({
  page,
}) => {
  const { kc } = await ensureCluster();
  const ns = await createTestNamespace(kc, 'e2e-browse-login');
  try {
    await createDeployment(kc, ns.name, 'web', { replicas: 1, image: 'registry.invalid/web:1' });
    // A viewer: the built-in "view" role in this namespace only (it grants no Secrets).
    await kubectl(['-n', ns.name, 'create', 'serviceaccount', 'viewer']);
    await kubectl([
      '-n',
      ns.name,
      'create',
      'rolebinding',
      'viewer',
      '--clusterrole=view',
      `--serviceaccount=${ns.name}:viewer`,
    ]);
    const token = (await kubectl(['-n', ns.name, 'create', 'token', 'viewer', '--duration=10m'])).trim();

    await page.goto(`${base}/pods?ns=${ns.name}`);
    const form = page.getByTestId('login-form');
    await expect(form).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Sign in to Wheelhouse' })).toBeVisible();
    await page.screenshot({ path: screenshotPath('browse-login.png') });
    await expectNoSeriousA11yViolations(page, 'Login');

    await page.getByTestId('login-token').fill('not-a-real-token');
    const login = page.waitForRequest((r) => r.url() === `${base}/api/login`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect((await login).headers()['x-wheelhouse-csrf']).toBeTruthy();
    await expect(page.getByTestId('login-error')).toContainText('(401)');

    await page.getByTestId('login-token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('login-form')).toHaveCount(0);
    await expect(page.locator('[data-testid^="row-web-"]')).toHaveCount(1);

    await page.getByRole('link', { name: 'Secrets' }).click();
    const forbidden = page.getByTestId('table-forbidden');
    await expect(forbidden).toContainText(`You may not list secrets in namespace ${ns.name}`);
    await expect(forbidden).toContainText(`system:serviceaccount:${ns.name}:viewer`);
    await expect(forbidden).toContainText('secrets');
    await page.screenshot({ path: screenshotPath('browse-forbidden.png') });
    await expectNoSeriousA11yViolations(page, 'Secrets, forbidden');
  } finally {
    await ns.cleanup();
  }
});
