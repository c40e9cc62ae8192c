// @vitest-environment jsdom
import type { V1ConfigMap } from '@kubernetes/client-node';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { SecretSummary } from '@wheelhouse/shared-types';
import { Route } from 'react-router';
import { describe, expect, it } from 'vitest';
import DetailPage from '../../detail/components/DetailPage';
import { apiError, type Harness, harnessEachTest } from '../testing/harness';

const secret: SecretSummary = {
  metadata: { name: 'db', namespace: 'shop', uid: 'uid-db', resourceVersion: '7' },
  type: 'Opaque',
  dataSizes: { password: 6, token: 4, 'blob.bin': 3 },
};
const configMap: V1ConfigMap = {
  metadata: { name: 'cfg', namespace: 'shop', uid: 'uid-cfg', resourceVersion: '9' },
  data: { 'app.conf': 'a=1\nb=2\n', old: 'x' },
  binaryData: { 'logo.png': 'iVBORw==' },
};

let h: Harness;
harnessEachTest((fresh) => {
  h = fresh;
  h.server.set('secrets', [secret]);
  h.server.set('configmaps', [configMap]);
  h.server.set('pods', []);
});

const detail = <Route path="/:kind/:namespace/:name" element={<DetailPage />} />;
const patches = () => h.writes().filter((c) => c.method === 'PATCH');

describe('key editors', () => {
  it('sets one Secret key without revealing the others: only that key’s value is sent', async () => {
    h.route((call) => (call.method === 'PATCH' ? { body: { object: secret, dryRun: false } } : undefined));
    h.render('/secrets/shop/db', detail);
    fireEvent.click(await screen.findByTestId('edit-keys'));
    const row = await screen.findByTestId('key-row-token');
    expect(row.textContent).toContain('Hidden value, 4 B');
    fireEvent.click(within(row).getByRole('button', { name: 'Type a new value' }));
    fireEvent.change(within(row).getByLabelText('Value of token'), { target: { value: 'n3w-t0ken' } });
    expect(screen.getByTestId('keys-summary').textContent).toBe('Will set token.');
    fireEvent.click(screen.getByTestId('keys-save'));
    expect((await screen.findByTestId('keys-saved')).textContent).toContain('Saved: set token.');
    expect(patches()).toEqual([
      expect.objectContaining({
        url: '/api/objects/secrets/shop/db/keys',
        body: {
          resourceVersion: '7',
          changes: [{ op: 'set', key: 'token', text: 'n3w-t0ken' }],
          dryRun: false,
        },
      }),
    ]);
    // No reveal happened: the other values never reached the browser.
    expect(h.calls.some((c) => c.url.endsWith('/reveal'))).toBe(false);
  });

  it('renames and removes ConfigMap keys, edits a multi-line value and adds a key', async () => {
    h.route((call) => (call.method === 'PATCH' ? { body: { object: configMap, dryRun: false } } : undefined));
    h.render('/configmaps/shop/cfg', detail);
    fireEvent.click(await screen.findByTestId('edit-keys'));
    const conf = await screen.findByTestId('key-row-app.conf');
    fireEvent.change(within(conf).getByLabelText('Value of app.conf'), { target: { value: 'a=1\nb=3\n' } });
    fireEvent.change(within(screen.getByTestId('key-row-old')).getByLabelText('Name of key old'), {
      target: { value: 'legacy' },
    });
    fireEvent.click(
      within(screen.getByTestId('key-row-logo.png')).getByRole('button', { name: 'Remove logo.png' }),
    );
    fireEvent.click(screen.getByTestId('add-key'));
    fireEvent.change(screen.getByLabelText('Name of the new key'), { target: { value: 'extra' } });
    fireEvent.change(screen.getByLabelText('Value of extra'), { target: { value: 'yes' } });
    fireEvent.click(screen.getByTestId('keys-save'));
    await screen.findByTestId('keys-saved');
    expect(patches()[0]?.body).toEqual({
      resourceVersion: '9',
      dryRun: false,
      changes: [
        { op: 'remove', key: 'logo.png' },
        { op: 'rename', from: 'old', to: 'legacy' },
        { op: 'set', key: 'app.conf', text: 'a=1\nb=3\n' },
        { op: 'set', key: 'extra', text: 'yes' },
      ],
    });
  });

  it('on a 409, offers to save the same changes onto the current version when none of its keys changed', async () => {
    let first = true;
    h.route((call) => {
      // The page read the object as the list showed it; the newer version exists once a write is tried.
      if (call.method === 'GET' && h.writes().length === 0) return undefined;
      if (call.method === 'GET' && call.url === '/api/configmaps/shop/cfg') {
        return {
          body: {
            ...configMap,
            metadata: { ...configMap.metadata, resourceVersion: '11' },
            data: { ...configMap.data, other: 'new' },
          },
        };
      }
      if (call.method !== 'PATCH') return undefined;
      if (first) {
        first = false;
        return apiError(409, 'Conflict', 'the object has been modified');
      }
      return { body: { object: configMap, dryRun: false } };
    });
    h.render('/configmaps/shop/cfg', detail);
    fireEvent.click(await screen.findByTestId('edit-keys'));
    fireEvent.change(within(await screen.findByTestId('key-row-old')).getByLabelText('Value of old'), {
      target: { value: 'y' },
    });
    fireEvent.click(screen.getByTestId('keys-save'));
    fireEvent.click(await screen.findByTestId('keys-save-current'));
    await screen.findByTestId('keys-saved');
    expect(patches().map((c) => (c.body as { resourceVersion: string }).resourceVersion)).toEqual([
      '9',
      '11',
    ]);
  });

  it('disables Edit keys with the reason when RBAC denies patch', async () => {
    h.denied = ['patch:secrets'];
    h.render('/secrets/shop/db', detail);
    await waitFor(() => expect(screen.getByTestId('edit-keys')).toHaveProperty('disabled', true));
    expect(screen.getByTestId('edit-keys-reason').textContent).toBe(
      'You may not patch secrets in namespace shop',
    );
  });
});
