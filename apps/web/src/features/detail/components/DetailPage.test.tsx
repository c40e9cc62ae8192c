// @vitest-environment jsdom
import type { V1Pod } from '@kubernetes/client-node';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../test-support/bff-responses';
import { detailBed, pod, renderDetail } from '../testing/detail-bed';

/** How an object page reads its object (and keeps it fresh), and what it says when it may not. */

const page = detailBed();

describe('DetailPage', () => {
  it("shows the whole object read by GET (the live list holds the Pods list's rows) and reads it again at each new resourceVersion", async () => {
    const gets: string[] = [];
    const base = page.fetch.getMockImplementation() as (url: string, init?: RequestInit) => Promise<Response>;
    page.fetch.mockImplementation(async (url: string, init?: RequestInit) => {
      if (url !== '/api/pods/shop/web-new-a') return base(url, init);
      // What the slim list leaves out (the defaulted tolerations) is in the whole object.
      const live = page.server.get('pods', 'shop', 'web-new-a') as V1Pod;
      gets.push(live.metadata?.resourceVersion ?? '');
      return jsonResponse({
        ...live,
        spec: { ...live.spec, tolerations: [{ key: 'node.kubernetes.io/not-ready' }] },
      });
    });
    renderDetail(page, '/pods/shop/web-new-a?tab=yaml');
    await waitFor(() => expect(document.body.textContent).toContain('node.kubernetes.io/not-ready'), {
      timeout: 5000,
    });
    expect(gets).toEqual(['1']);
    // The page watches its pod through the Pods list's own subscription (rows), not a second one of objects.
    expect(page.server.subscribeLog.filter((r) => r.kind === 'pods')).toEqual([
      { kind: 'pods', namespace: 'shop', shape: 'row' },
    ]);
    const changed = pod('web-new-a', 'web-new', false);
    changed.metadata = { ...changed.metadata, resourceVersion: '2' };
    page.server.push('pods', [{ type: 'MODIFIED', object: changed }]);
    await waitFor(() => expect(gets).toEqual(['1', '2']));
    await waitFor(() => expect(document.body.textContent).toMatch(/resourceVersion: "?2/), { timeout: 5000 });
  });

  it('disables the Shell tab with the reason for a user who may not exec; ?tab=shell says why and opens nothing', async () => {
    renderDetail(page, '/pods/shop/web-new-a');
    const tab = await screen.findByTestId('tab-shell');
    await waitFor(() => expect(tab.getAttribute('aria-disabled')).toBe('true'));
    const why =
      'You may not open a shell in namespace shop: create:pods/exec and get:pods/exec are not allowed.';
    expect(tab.getAttribute('title')).toBe(why);
    expect(document.getElementById(tab.getAttribute('aria-describedby') ?? '')?.textContent).toBe(why);
    fireEvent.click(tab);
    expect(screen.getByTestId('tab-overview').getAttribute('aria-selected')).toBe('true');
    cleanup();

    renderDetail(page, '/pods/shop/web-new-a?tab=shell');
    expect((await screen.findByTestId('shell-denied')).textContent).toBe(why);
    expect(screen.queryByTestId('shell-terminal')).toBeNull();
  });

  it('says when the object does not exist', async () => {
    renderDetail(page, '/deployments/shop/nope');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Deployment “nope” does not exist in namespace shop',
    );
  });

  it('says "You may not read" with the apiserver\'s message when neither list nor get is allowed', async () => {
    const forbidden = {
      code: 403,
      reason: 'Forbidden',
      message: 'secrets "db" is forbidden: User "u" cannot get resource "secrets"',
      source: 'apiserver' as const,
    };
    page.server.refuse('secrets', forbidden, 'shop');
    page.fetch.mockImplementation(async () => jsonResponse({ error: forbidden }, 403));
    renderDetail(page, '/secrets/shop/db');
    const alert = await screen.findByTestId('detail-forbidden');
    expect(alert.textContent).toContain('You may not read secret db in namespace shop');
    expect(alert.textContent).toContain('cannot get resource "secrets"');
  });
});
