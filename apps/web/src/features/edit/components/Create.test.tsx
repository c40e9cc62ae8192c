// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router';
import { describe, expect, it } from 'vitest';
import { type Harness, harnessEachTest, typeInto } from '../testing/harness';
import { CreateButton } from './CreateButton';

const yaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: web:1}]}
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports: [{port: 80}]
`;

let h: Harness;
harnessEachTest((fresh) => {
  h = fresh;
});

const applies = () => h.writes().filter((c) => c.url === '/api/objects/apply');

async function openWith(text: string) {
  h.render('/pods?ns=shop', <Route path="/pods" element={<CreateButton namespace="shop" />} />);
  screen.getByTestId('create-button').focus(); // as a click does in a browser
  fireEvent.click(screen.getByTestId('create-button'));
  const dialog = await screen.findByRole('dialog', { name: 'Create from YAML' });
  const editor = await within(dialog).findByTestId('yaml-editor');
  typeInto(editor, '', text);
  return dialog;
}

describe('Create from YAML', () => {
  it('reviews every document with a dry run in the namespace in view, then applies and reports per document', async () => {
    h.route((call) => {
      if (call.method === 'GET') return undefined;
      const body = call.body as { dryRun: boolean };
      return {
        body: {
          dryRun: body.dryRun,
          results: [
            {
              index: 0,
              kind: 'Deployment',
              name: 'web',
              namespace: 'shop',
              outcome: 'created',
              object: { kind: 'Deployment' },
            },
            {
              index: 1,
              kind: 'Service',
              name: 'web',
              namespace: 'shop',
              outcome: 'error',
              error: {
                causes: [{ field: 'spec.ports[0].port', message: 'Invalid value: 0' }],
                code: 403,
                reason: 'Forbidden',
                message: 'services is forbidden: User "u" cannot create resource "services"',
              },
            },
          ],
        },
      };
    });
    const dialog = await openWith(yaml);
    expect((within(dialog).getByTestId('create-namespace') as HTMLInputElement).value).toBe('shop');
    fireEvent.click(within(dialog).getByTestId('create-review'));
    const results = await within(dialog).findByTestId('apply-results');
    expect(within(results).getByTestId('apply-result-0').textContent).toContain(
      'Deployment/web in shop would be created',
    );
    expect(within(results).getByTestId('apply-result-1').textContent).toContain(
      'refusedForbidden (403): services is forbidden',
    );
    expect(within(results).getByTestId('apply-result-1').textContent).toContain(
      'spec.ports[0].port: Invalid value: 0',
    );
    expect(applies()[0]?.body).toEqual({ yaml, namespace: 'shop', dryRun: true });

    fireEvent.click(within(dialog).getByTestId('create-apply'));
    await within(dialog).findByTestId('create-done');
    expect(within(dialog).getByTestId('apply-result-0').textContent).toContain('created');
    expect(applies()[1]?.body).toEqual({ yaml, namespace: 'shop', dryRun: false });
  });

  it('points at a YAML error and sends nothing', async () => {
    const dialog = await openWith('kind: Pod\nmetadata: {name: x\n');
    expect((await within(dialog).findByTestId('yaml-problems')).textContent).toMatch(
      /^Line \d+, column \d+:/,
    );
    expect(within(dialog).getByTestId('create-review')).toHaveProperty('disabled', true);
    expect(applies()).toEqual([]);
  });

  it('is disabled with the reason when RBAC allows creating nothing in the namespace', async () => {
    h.denied = [
      'create:pods',
      'create:deployments',
      'create:replicasets',
      'create:services',
      'create:configmaps',
      'create:secrets',
    ];
    h.render('/pods?ns=shop', <Route path="/pods" element={<CreateButton namespace="shop" />} />);
    await waitFor(() => expect(screen.getByTestId('create-button')).toHaveProperty('disabled', true));
    expect(screen.getByTestId('create-reason').textContent).toBe(
      'You may not create objects in namespace shop',
    );
  });

  it('traps the focus and closes on Escape', async () => {
    const dialog = await openWith(yaml);
    const first = within(dialog).getByTestId('create-namespace');
    const last = within(dialog).getByTestId('create-review');
    expect(document.activeElement).toBe(first);
    last.focus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(screen.getByTestId('create-button'));
  });
});
