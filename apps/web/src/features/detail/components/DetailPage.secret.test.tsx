// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { detailBed, renderDetail } from '../testing/detail-bed';

const page = detailBed();

describe('DetailPage', () => {
  it('reveals one Secret key with the CSRF token: text as text, binary as hex', async () => {
    renderDetail(page, '/secrets/shop/db');
    const password = await screen.findByTestId('secret-key-password');
    expect(password.textContent).toContain('value hidden');
    fireEvent.click(within(password).getByRole('button', { name: 'Reveal password' }));
    expect((await within(password).findByTestId('secret-value')).textContent).toBe('s3cret');
    const call = page.fetch.mock.calls.find(([url]) => url === '/api/secrets/shop/db/reveal');
    const init = call?.[1] as RequestInit;
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['x-wheelhouse-csrf']).toBe('tok-1');

    const blob = screen.getByTestId('secret-key-blob');
    fireEvent.click(within(blob).getByRole('button', { name: 'Reveal blob' }));
    expect((await within(blob).findByTestId('secret-hex')).textContent).toBe('00000000  ff 00 7f');
    fireEvent.click(within(password).getByRole('button', { name: 'Hide password' }));
    expect(within(password).queryByTestId('secret-value')).toBeNull();
  });

  it("shows a Secret's YAML as Kubernetes knows it: data with hidden values, no invented dataSizes field", async () => {
    renderDetail(page, '/secrets/shop/db?tab=yaml');
    expect(await screen.findByTestId('secret-values-note')).toBeTruthy();
    await waitFor(
      () => expect(document.body.textContent).toMatch(/password: "?<hidden: reveal the key to see it>/),
      {
        timeout: 5000,
      },
    );
    expect(document.body.textContent).not.toContain('dataSizes');
  });
});
