import { expect, type Page, test } from '@playwright/test';
import { createDeployment, createTestNamespace, ensureCluster, kubectl } from '@wheelhouse/testkit';
import { screenshotPath } from '../support/artifacts';
import {
  expectNoSeriousA11yViolations,
  expectSameDocument,
  fullScreenshot,
  markDocument,
  rowCells,
} from '../support/browse';

/**
 * The views beside the six kinds — Namespaces, Nodes (and a node's page), Events — against the real
 * cluster: rows as kubectl prints them, live changes, links, axe, and keyboard-only use.
 */

const WIDE = { width: 1440, height: 900 };

/** kubectl's table split at its header's column starts (cells may hold single spaces). */
function parseKubectlTable(text: string): Record<string, string>[] {
  const [header = '', ...lines] = text.split('\n').filter((l) => l.trim().length > 0);
  const starts = [...header.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ name: m[0], at: m.index ?? 0 }));
  return lines.map((line) =>
    Object.fromEntries(
      starts.map((col, i) => [col.name, line.slice(col.at, starts[i + 1]?.at ?? line.length).trim()]),
    ),
  );
}

async function openLive(page: Page, url: string) {
  await page.setViewportSize(WIDE);
  await page.goto(url);
  await expect(page.getByTestId('live-indicator')).toContainText('Live');
}

test('Namespaces: kubectl STATUS, counts of the six kinds that follow the cluster, links into each list', async ({
  page,
}) => {
  const { kc } = await ensureCluster();
  const ns = await createTestNamespace(kc, 'e2e-views-ns');
  try {
    await createDeployment(kc, ns.name, 'web', { replicas: 2, image: 'registry.invalid/web:1' });
    await openLive(page, '/namespaces?ns=demo');
    await markDocument(page);

    // Namespaces that do not come and go with other tests: as `kubectl get namespaces` prints them.
    const printed = parseKubectlTable(await kubectl(['get', 'namespaces', 'default', 'demo', 'kube-system']));
    for (const row of printed) {
      await expect
        .poll(async () => (await rowCells(page, row.NAME ?? '')).slice(0, 2))
        .toEqual([row.NAME, row.STATUS]);
    }

    // The test namespace: 2 pods, 1 deployment, 1 replicaset, 0 services, 1 configmap (kube-root-ca.crt).
    const row = page.getByTestId(`row-${ns.name}`);
    await expect
      .poll(async () => (await rowCells(page, ns.name)).slice(3))
      .toEqual(['2', '1', '1', '0', '1', '0']);
    // Live: a ConfigMap created with kubectl is counted without a reload.
    await kubectl(['-n', ns.name, 'create', 'configmap', 'extra', '--from-literal=k=v']);
    await expect.poll(async () => (await rowCells(page, ns.name))[7]).toBe('2');
    // And a pod (counted from the pod rows the Pods list holds): a scale-up adds one.
    await kubectl(['-n', ns.name, 'scale', 'deployment', 'web', '--replicas=3']);
    await expect.poll(async () => (await rowCells(page, ns.name))[3]).toBe('3');
    // A namespace created with kubectl appears, one deleted goes Terminating, then away.
    const other = `${ns.name}-b`;
    await kubectl(['create', 'namespace', other]);
    await expect(page.getByTestId(`row-${other}`)).toBeVisible();
    await kubectl(['delete', 'namespace', other, '--wait=false']);
    await expect(page.getByTestId(`row-${other}`)).toHaveCount(0, { timeout: 60_000 });
    await expectSameDocument(page);

    await page.screenshot({ path: screenshotPath('views-namespaces.png') });
    await expectNoSeriousA11yViolations(page, 'Namespaces');

    // The count of ConfigMaps leads to the ConfigMaps list of that namespace.
    await row.getByRole('link', { name: `2 configmaps in ${ns.name}` }).click();
    await expect(page).toHaveURL(new RegExp(`/configmaps\\?ns=${ns.name}$`));
    await expect(page.getByTestId('row-extra')).toBeVisible();

    // Keyboard only: the filter, ↓ into the rows, Enter on the namespace switches the dashboard to it.
    await page.goto('/namespaces');
    await expect(row).toBeVisible();
    await page.keyboard.press('/');
    await page.keyboard.type(ns.name);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/pods\\?ns=${ns.name}$`));
    await expect(page.getByTestId('namespace-switcher')).toHaveValue(ns.name);
  } finally {
    await ns.cleanup();
  }
});

test('Nodes: kubectl get nodes -o wide cells, a label change live, the node page, and a pod NODE link', async ({
  page,
}) => {
  await ensureCluster();
  await openLive(page, '/nodes?ns=demo');
  const printed = parseKubectlTable(await kubectl(['get', 'nodes', '-o', 'wide']));
  expect(printed.length).toBeGreaterThan(0);
  for (const node of printed) {
    const { AGE: _age, ...rest } = node;
    await expect
      .poll(async () => {
        const [name, status, roles, , ...wide] = await rowCells(page, node.NAME ?? '');
        return [name, status, roles, ...wide];
      })
      .toEqual(Object.values(rest));
  }

  // Live: a role label added with kubectl shows in ROLES (kubectl sorts the roles).
  const target = printed[0]?.NAME ?? '';
  const label = 'node-role.kubernetes.io/e2e-views';
  try {
    await kubectl(['label', 'node', target, `${label}=`]);
    await expect.poll(async () => (await rowCells(page, target))[2]).toMatch(/(^|,)e2e-views(,|$)/);
    await page.screenshot({ path: screenshotPath('views-nodes.png') });
  } finally {
    await kubectl(['label', 'node', target, `${label}-`]);
  }
  await expect.poll(async () => (await rowCells(page, target))[2]).not.toContain('e2e-views');
  await expectNoSeriousA11yViolations(page, 'Nodes');

  // Keyboard only: ↓ from the filter into the rows, Enter opens the node's page, in demo still.
  await page.keyboard.press('/');
  await page.keyboard.type(target);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/nodes/${target}\\?ns=demo$`));
  await expect(page.getByRole('heading', { name: `Node ${target}` })).toBeVisible();

  // Conditions and capacity as the node reports them; its pods, as kubectl finds them, linked.
  const node = JSON.parse(await kubectl(['get', 'node', target, '-o', 'json']));
  const ready = node.status.conditions.find((c: { type: string }) => c.type === 'Ready');
  await expect(page.getByTestId('condition-Ready').getByRole('cell').nth(1)).toHaveText(ready.status);
  await expect(page.getByTestId('condition-Ready').getByRole('cell').nth(4)).toHaveText(ready.reason);
  await expect(page.getByTestId('capacity-pods').getByRole('cell')).toHaveText([
    'pods',
    node.status.capacity.pods,
    node.status.allocatable.pods,
  ]);
  const demoPods = (
    await kubectl(['get', 'pods', '-n', 'demo', '--field-selector', `spec.nodeName=${target}`, '-o', 'name'])
  )
    .split('\n')
    .filter(Boolean)
    .map((p) => p.replace('pod/', ''));
  expect(demoPods.length).toBeGreaterThan(0);
  for (const pod of demoPods) await expect(page.getByTestId(`pod-${pod}`)).toBeVisible();
  // Each in kubectl's words (from the pod rows the BFF computes): READY, STATUS, RESTARTS, IP.
  const wide = parseKubectlTable(
    await kubectl(['get', 'pods', '-n', 'demo', '--field-selector', `spec.nodeName=${target}`, '-o', 'wide']),
  );
  for (const pod of wide) {
    await expect
      .poll(async () => {
        const cells = await page.getByTestId(`pod-${pod.NAME}`).getByRole('cell').allTextContents();
        return [cells[0], cells[1], cells[2], cells[3], cells[4], cells[6]];
      })
      .toEqual(['demo', pod.NAME, pod.READY, pod.STATUS, pod.RESTARTS, pod.IP]);
  }
  await fullScreenshot(page, screenshotPath('views-node-page.png'));
  await expectNoSeriousA11yViolations(page, 'Node page');

  // Its YAML, from the live object.
  await page.getByRole('tab', { name: 'YAML' }).click();
  await expect(page.getByText('kind: Node')).toBeVisible();

  // The nav keeps the namespace in view: Pods of demo; a pod's NODE link opens its node's page.
  await page.getByRole('navigation', { name: 'Resources' }).getByRole('link', { name: 'Pods' }).click();
  await expect(page).toHaveURL(/\/pods\?ns=demo$/);
  const podRow = page.getByTestId(`row-${demoPods[0]}`);
  await podRow.getByTestId('node-link').click();
  await expect(page).toHaveURL(new RegExp(`/nodes/${target}\\?ns=demo$`));
  await expect(page.getByTestId(`pod-${demoPods[0]}`).getByRole('link')).toHaveAttribute(
    'href',
    `/pods/demo/${demoPods[0]}?ns=demo`,
  );
});

const HOSTILE =
  '<img src=x onerror="window.__xss=1"> see javascript:alert(1) <a href="javascript:alert(2)">here</a>';

function eventYaml(ns: string, name: string, fields: Record<string, string>, at: string): string {
  return `apiVersion: v1
kind: Event
metadata: {name: ${name}, namespace: ${ns}}
involvedObject: {kind: ${fields.kind}, name: ${fields.object}, namespace: ${ns}, apiVersion: ${fields.apiVersion}}
reason: ${JSON.stringify(fields.reason)}
message: ${JSON.stringify(fields.message)}
type: ${fields.type}
count: ${fields.count ?? 1}
firstTimestamp: "${at}"
lastTimestamp: "${at}"
source: {component: e2e}
`;
}

test('Events: kubectl get events rows, newest first, live, filters in the URL, linked objects, markup as text', async ({
  page,
}) => {
  const { kc } = await ensureCluster();
  const ns = await createTestNamespace(kc, 'e2e-views-ev');
  try {
    await createDeployment(kc, ns.name, 'web', { replicas: 1, image: 'registry.invalid/web:1' });
    const ago = (s: number) => new Date(Date.now() - s * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    await kubectl(['create', '-f', '-'], {
      input: [
        eventYaml(
          ns.name,
          'probe',
          {
            kind: 'Pod',
            object: 'web-x',
            apiVersion: 'v1',
            reason: 'BackOff',
            type: 'Warning',
            message: 'Back-off restarting failed container',
            count: '4',
          },
          ago(120),
        ),
        eventYaml(
          ns.name,
          'hostile',
          {
            kind: 'Deployment',
            object: 'web',
            apiVersion: 'apps/v1',
            reason: 'Noted',
            type: 'Normal',
            message: HOSTILE,
          },
          ago(60),
        ),
      ].join('---\n'),
    });

    await openLive(page, `/events?ns=${ns.name}`);
    await markDocument(page);
    const body = page.locator('tbody');
    // Every event kubectl prints, with its TYPE, REASON, OBJECT and MESSAGE.
    const expected = async () =>
      parseKubectlTable(await kubectl(['get', 'events', '-n', ns.name]))
        .map((r) => [r.TYPE, r.REASON, r.OBJECT, r.MESSAGE].join(' | '))
        .sort();
    const shown = async () =>
      (
        await body.locator('tr[data-row-index]').evaluateAll((rows) =>
          rows.map((r) =>
            Array.from(r.querySelectorAll('td'))
              .slice(1, 5)
              .map((td) => td.textContent ?? '')
              .join(' | '),
          ),
        )
      ).sort();
    await expect
      .poll(async () => JSON.stringify(await shown()) === JSON.stringify(await expected()))
      .toBe(true);

    // Markup in a message is text: no image, no javascript: link anywhere in the page.
    await expect(page.getByText('see javascript:alert(1)', { exact: false })).toBeVisible();
    await expect(body.locator('img')).toHaveCount(0);
    await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    // Newest first: an event created now comes in live at the top. KWOK reports the pod's "Created"
    // a moment after the pod runs (seconds, on a loaded machine): wait for it, then out its second
    // (event times have a resolution of one second, and a tie has no order).
    await expect(body.getByText('Created container')).toBeVisible();
    await new Promise((r) => setTimeout(r, 1_100));
    await kubectl(['create', '-f', '-'], {
      input: eventYaml(
        ns.name,
        'fresh',
        {
          kind: 'Deployment',
          object: 'web',
          apiVersion: 'apps/v1',
          reason: 'FreshReason',
          type: 'Warning',
          message: 'just now',
        },
        ago(0),
      ),
    });
    await expect(body.locator('tr[data-row-index="0"]')).toContainText('FreshReason');
    await expectSameDocument(page);
    await page.screenshot({ path: screenshotPath('views-events.png') });
    // axe judges the page at rest: a changed row's 1.2 s highlight tints what it fades over.
    await expect(page.locator('.row-flash')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'Events');

    // Filters, kept in the URL: Warning only, then one reason, then one object.
    await page.getByTestId('event-type').selectOption('Warning');
    await expect(page).toHaveURL(/type=Warning/);
    await expect(body.getByText('Noted')).toHaveCount(0);
    await page.getByTestId('event-reason').selectOption('BackOff');
    await expect(page).toHaveURL(/reason=BackOff/);
    await expect(body.locator('tr[data-row-index]')).toHaveCount(1);
    await page.getByTestId('event-type').selectOption('');
    await page.getByTestId('event-reason').selectOption('');
    await page.getByTestId('event-object').fill('deployment/web');
    await expect(page).toHaveURL(/object=deployment%2Fweb/);
    await expect(body.getByText('web-x')).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('event-object')).toHaveValue('deployment/web');
    await expect(body.getByText('FreshReason')).toBeVisible();

    // OBJECT leads to the object's page; keyboard only: ↓ from the filter, Enter on the newest row.
    await body.getByRole('link', { name: 'deployment/web' }).first().click();
    await expect(page).toHaveURL(new RegExp(`/deployments/${ns.name}/web\\?ns=${ns.name}$`));
    await page.goBack();
    await expect(body.locator('tr[data-row-index="0"]')).toContainText('FreshReason');
    await page.keyboard.press('/');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/deployments/${ns.name}/web\\?ns=${ns.name}$`));
  } finally {
    await ns.cleanup();
  }
});
