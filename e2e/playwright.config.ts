import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '@wheelhouse/testkit';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const port = Number(process.env.WHEELHOUSE_E2E_PORT ?? 7080);
const kubeconfig = process.env.WHEELHOUSE_KUBECONFIG;
if (!kubeconfig) {
  throw new Error(
    'WHEELHOUSE_KUBECONFIG is not set: run `make test` (it starts the local cluster), or export it',
  );
}

/**
 * Browser tests against the real chain: local cluster → production BFF (apps/bff/dist) serving the
 * built SPA (apps/web/dist) → Debian's chromium. `pnpm build` must have run (make test does).
 */
export default defineConfig({
  testDir: './tests',
  // The fault suites restart the BFF and kube-apiserver: they run in a stage of their own
  // (scripts/test.sh "e2e: faults", WHEELHOUSE_E2E_FAULTS=1), never mixed with the other tests.
  ...(process.env.WHEELHOUSE_E2E_FAULTS === '1' ? {} : { testIgnore: ['**/faults-*.spec.ts'] }),
  outputDir: path.join(root, 'artifacts/e2e-output'),
  timeout: 90_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  webServer: {
    command: `node ${path.join(root, 'apps/bff/dist/server.mjs')}`,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      KUBECONFIG: kubeconfig,
      WHEELHOUSE_PORT: String(port),
      WHEELHOUSE_HOST: '127.0.0.1',
      WHEELHOUSE_STATIC_DIR: path.join(root, 'apps/web/dist'),
      WHEELHOUSE_LOG_LEVEL: 'warn',
    },
  },
});
