// @vitest-environment jsdom
import type { V1Deployment } from '@kubernetes/client-node';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActionDialog } from './ActionDialog';

afterEach(cleanup);

const deployment = (replicas: number, rv: string, generation: number): V1Deployment => ({
  metadata: { name: 'api', namespace: 'demo', uid: 'u', resourceVersion: rv, generation },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'api' } },
    template: { spec: { containers: [{ name: 'api', image: 'api:1' }] } },
  },
  status: { replicas, availableReplicas: replicas },
});

function renderDialog(live: V1Deployment, onClose = vi.fn()) {
  const client = new QueryClient();
  const ui = (d: V1Deployment) => (
    <QueryClientProvider client={client}>
      <button type="button">Scale…</button>
      <ActionDialog
        request={{ action: 'scale' }}
        target={{ namespace: 'demo', name: 'api' }}
        live={d}
        history={[]}
        onClose={onClose}
        onDone={() => undefined}
      />
    </QueryClientProvider>
  );
  const r = render(ui(live));
  return { rerender: (d: V1Deployment) => r.rerender(ui(d)), onClose };
}

describe('ActionDialog', () => {
  it('Scale shows the live replica count and warns when the Deployment changed under it', () => {
    const { rerender } = renderDialog(deployment(3, '10', 2));
    expect(screen.getByText(/now 3/)).toBeTruthy();
    expect(screen.queryByTestId('dialog-stale')).toBeNull();

    // A status write (the controller) moves the resourceVersion only: nothing to warn about.
    rerender({ ...deployment(3, '11', 2), status: { replicas: 3, availableReplicas: 2 } });
    expect(screen.queryByTestId('dialog-stale')).toBeNull();

    // `kubectl scale --replicas=2` from elsewhere.
    rerender(deployment(2, '12', 3));
    expect(screen.getByText(/now 2/)).toBeTruthy();
    const stale = screen.getByTestId('dialog-stale');
    expect(stale.textContent).toContain('changed since you opened this dialog');
    expect(stale.textContent).toContain('replicas 3 → 2');
    fireEvent.click(screen.getByRole('button', { name: 'Use the new state' }));
    expect(screen.queryByTestId('dialog-stale')).toBeNull();
  });

  it('keeps focus inside (Tab from the last control wraps) and closes on Escape', () => {
    const { onClose } = renderDialog(deployment(3, '10', 2));
    const dialog = screen.getByRole('dialog');
    const input = screen.getByTestId('scale-input');
    expect(document.activeElement).toBe(input);
    const confirm = screen.getByTestId('confirm-action');
    confirm.focus();
    fireEvent.keyDown(confirm, { key: 'Tab' });
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(document.activeElement).toBe(input);
    fireEvent.keyDown(input, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(confirm);
    fireEvent.keyDown(confirm, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
