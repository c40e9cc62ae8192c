import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';
import { ensureCluster, kubectl, waitFor } from '@wheelhouse/testkit';

/**
 * The object as the YAML editor edits it, from kubectl: no status, no managedFields (JSON is YAML,
 * so this text can be typed into the editor as it is).
 */
export async function editableJson(kind: string, ns: string, name: string): Promise<Record<string, unknown>> {
  const obj = JSON.parse(await kubectl(['-n', ns, 'get', kind, name, '-o', 'json'])) as Record<
    string,
    unknown
  >;
  delete obj.status;
  delete (obj.metadata as Record<string, unknown>).managedFields;
  return obj;
}

/** Replaces the whole document of the CodeMirror editor `editor` with `text`, from the keyboard. */
export async function replaceEditorText(page: Page, editor: Locator, text: string): Promise<void> {
  const content = editor.locator('.cm-content');
  await content.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  await expect(content).toContainText((text.split('\n')[0] ?? '').slice(0, 40));
}

/** Presses Tab until the element with `testId` has the focus (at most `max` times). */
export async function tabTo(page: Page, testId: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testId))
      return;
  }
  throw new Error(`Tab never reached ${testId}`);
}

/** The container of a Deployment's template, as kubectl reads it now. */
export async function deploymentSpec(ns: string, name: string): Promise<{ replicas: number; image: string }> {
  const d = JSON.parse(await kubectl(['-n', ns, 'get', 'deployment', name, '-o', 'json'])) as {
    spec: { replicas: number; template: { spec: { containers: Array<{ image: string }> } } };
  };
  return { replicas: d.spec.replicas, image: d.spec.template.spec.containers[0]?.image ?? '' };
}

/**
 * A production BFF in token mode beside the one playwright.config.ts starts (as browse-login does),
 * so a user's own bearer token — and the cluster's RBAC — decides what they may do.
 */
export class TokenModeBff {
  private server: ChildProcess | undefined;
  private stderr = '';
  readonly base: string;

  constructor(private readonly port: number) {
    this.base = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    const { kubeconfigPath } = await ensureCluster();
    this.server = spawn(process.execPath, [path.join(root, 'apps/bff/dist/server.mjs')], {
      env: {
        ...process.env,
        KUBECONFIG: kubeconfigPath,
        WHEELHOUSE_MODE: 'token',
        WHEELHOUSE_HOST: '127.0.0.1',
        WHEELHOUSE_PORT: String(this.port),
        WHEELHOUSE_STATIC_DIR: path.join(root, 'apps/web/dist'),
        WHEELHOUSE_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.server.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-4000);
    });
    await waitFor(
      async () => {
        if (this.server?.exitCode !== null) throw new Error(`the token-mode BFF exited: ${this.stderr}`);
        return (await fetch(`${this.base}/healthz`).catch(() => undefined))?.ok === true;
      },
      { timeoutMs: 30_000, intervalMs: 200, what: 'the token-mode BFF' },
    );
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
}
