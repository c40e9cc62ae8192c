// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { KindObject, ResourceKind } from '@wheelhouse/shared-types';
import { Route } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { LIVE_GC_TIME_MS } from '../../../lib/live/live-query';
import { liveBed, renderRoutes, Where } from '../../../test-support/live-render';
import { makePod } from '../../../test-support/pods';
import { CommandPalette } from './CommandPalette';

const object = (namespace: string, name: string) =>
  ({ metadata: { uid: `${namespace}/${name}`, name, namespace, resourceVersion: '1' } }) as KindObject;

const live = liveBed((server) => {
  server.set('deployments', [object('demo', 'api'), object('staging', 'api'), object('demo', 'payments')]);
  server.set('pods', [makePod('demo', 'api-6f7b9c8d5-x2k9p')]);
});

/** A page with every kind of text entry the palette must leave alone. */
function Page() {
  return (
    <>
      <CommandPalette />
      <button type="button">opener</button>
      <input aria-label="filter" />
      <textarea aria-label="notes" />
      <select aria-label="container">
        <option>app</option>
      </select>
      <div className="cm-editor">
        <div className="cm-content" contentEditable suppressContentEditableWarning data-testid="editor">
          key: value
        </div>
      </div>
      <div className="xterm">
        <textarea className="xterm-helper-textarea" aria-label="Terminal input" />
      </div>
      <Where />
    </>
  );
}

const renderPage = () => renderRoutes(live, '/pods', <Route path="*" element={<Page />} />);

const palette = () => screen.queryByRole('dialog', { name: 'Jump to anything' });
const input = () => screen.getByRole('combobox', { name: 'Find an object or a view' });

describe('CommandPalette keys', () => {
  it('opens on ":" outside text fields, focuses its combobox, and Escape gives focus back', () => {
    renderPage();
    const opener = screen.getByRole('button', { name: 'opener' });
    opener.focus();
    const notPrevented = fireEvent.keyDown(opener, { key: ':' });
    expect(notPrevented).toBe(false); // the ':' is consumed, never typed into the palette
    expect(palette()).not.toBeNull();
    expect(document.activeElement).toBe(input());
    fireEvent.keyDown(input(), { key: 'Escape' });
    expect(palette()).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it.each([
    ['Ctrl-K', { key: 'k', ctrlKey: true }],
    ['Cmd-K', { key: 'k', metaKey: true }],
  ])('opens on %s from the page body', (_, keys) => {
    renderPage();
    fireEvent.keyDown(document.body, keys);
    expect(palette()).not.toBeNull();
  });

  it.each([
    ['an input', () => screen.getByRole('textbox', { name: 'filter' })],
    ['a textarea', () => screen.getByRole('textbox', { name: 'notes' })],
    ['a select', () => screen.getByRole('combobox', { name: 'container' })],
    ['a CodeMirror editor', () => screen.getByTestId('editor')],
    ['the xterm shell', () => screen.getByRole('textbox', { name: 'Terminal input' })],
  ])('leaves ":" and Ctrl-K to %s (nothing opens, the key is not taken)', (_, target) => {
    renderPage();
    const field = target();
    field.focus();
    expect(fireEvent.keyDown(field, { key: ':' })).toBe(true);
    expect(fireEvent.keyDown(field, { key: 'k', ctrlKey: true })).toBe(true);
    expect(fireEvent.keyDown(field, { key: 'k', metaKey: true })).toBe(true);
    expect(palette()).toBeNull();
  });

  it('does not open over another modal dialog', () => {
    renderPage();
    const other = document.createElement('div');
    other.setAttribute('role', 'dialog');
    other.setAttribute('aria-modal', 'true');
    document.body.append(other);
    try {
      fireEvent.keyDown(document.body, { key: ':' });
      expect(palette()).toBeNull();
    } finally {
      other.remove();
    }
  });
});

describe('CommandPalette list', () => {
  it('moves the active option with arrows, Home and End, and Enter opens the rollout of "rollout api"', async () => {
    renderPage();
    fireEvent.click(screen.getByRole('button', { name: /Jump to/ }));
    fireEvent.change(input(), { target: { value: 'rollout api' } });
    const options = () => within(screen.getByRole('listbox')).getAllByRole('option');
    await waitFor(() => expect(options()).toHaveLength(2));
    const activeId = () => input().getAttribute('aria-activedescendant');
    expect(activeId()).toBe(options()[0]?.id);
    expect(options()[0]?.textContent).toContain('demo/api');
    expect(options()[0]?.getAttribute('aria-selected')).toBe('true');
    expect(input().getAttribute('aria-controls')).toBe(screen.getByRole('listbox').id);

    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    expect(activeId()).toBe(options()[1]?.id);
    expect(options()[1]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input(), { key: 'ArrowDown' }); // wraps
    expect(activeId()).toBe(options()[0]?.id);
    fireEvent.keyDown(input(), { key: 'End' });
    expect(activeId()).toBe(options()[1]?.id);
    fireEvent.keyDown(input(), { key: 'Home' });
    expect(activeId()).toBe(options()[0]?.id);

    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(palette()).toBeNull();
    expect(screen.getByTestId('where').textContent).toBe('/deployments/demo/api/rollout');
  });

  it('subscribes once per searched kind, in all namespaces, however much is typed', async () => {
    renderPage();
    fireEvent.keyDown(document.body, { key: 'k', ctrlKey: true });
    await waitFor(() =>
      expect(within(screen.getByRole('listbox')).getAllByRole('option').length).toBeGreaterThan(0),
    );
    const kinds = (): ResourceKind[] => live.server.subscribeLog.map((s) => s.kind).sort();
    await waitFor(() => expect(live.server.subscribeLog).toHaveLength(6));
    expect(kinds()).toEqual(['configmaps', 'deployments', 'pods', 'replicasets', 'secrets', 'services']);
    expect(live.server.subscribeLog.every((s) => s.namespace === undefined && !s.labelSelector)).toBe(true);
    // Pods as the Pods list's rows (names are all it reads), every other kind as objects.
    expect(live.server.subscribeLog.filter((s) => s.shape === 'row').map((s) => s.kind)).toEqual(['pods']);
    for (const text of ['a', 'ap', 'api', 'api-', 'rollout api', 'pods demo']) {
      fireEvent.change(input(), { target: { value: text } });
      await act(async () => {});
    }
    expect(live.server.subscribeLog).toHaveLength(6);
  });

  it('releases its subscriptions a few seconds after it closes (warm for a quick reopen)', async () => {
    renderPage();
    fireEvent.keyDown(document.body, { key: ':' });
    await waitFor(() => expect(live.server.subs.size).toBe(6));
    vi.useFakeTimers();
    try {
      fireEvent.keyDown(input(), { key: 'Escape' });
      await act(async () => vi.advanceTimersByTime(2_000));
      expect(live.server.subs.size).toBe(6); // still warm
      await act(async () => vi.advanceTimersByTime(LIVE_GC_TIME_MS));
      expect(live.server.unsubscribeLog).toHaveLength(6);
      expect(live.server.subs.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the active option under the cursor when a live update reorders the results', async () => {
    renderPage();
    fireEvent.keyDown(document.body, { key: ':' });
    fireEvent.change(input(), { target: { value: 'rollout api' } });
    const options = () => within(screen.getByRole('listbox')).getAllByRole('option');
    await waitFor(() => expect(options()).toHaveLength(2));
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    const selected = () => options().find((o) => o.getAttribute('aria-selected') === 'true');
    expect(selected()?.textContent).toContain('staging/api');
    // A Deployment api appears in namespace "apps", which sorts before both.
    act(() => live.server.push('deployments', [{ type: 'ADDED', object: object('apps', 'api') }]));
    await waitFor(() => expect(options()).toHaveLength(3));
    expect(options()[0]?.textContent).toContain('apps/api');
    expect(selected()?.textContent).toContain('staging/api');
    expect(input().getAttribute('aria-activedescendant')).toBe(selected()?.id);
  });

  it('collapses the listbox when nothing matches, and says so', async () => {
    renderPage();
    fireEvent.keyDown(document.body, { key: ':' });
    expect(input().getAttribute('aria-expanded')).toBe('true'); // the views, before typing
    fireEvent.change(input(), { target: { value: 'zzzz' } });
    await waitFor(() => expect(input().getAttribute('aria-expanded')).toBe('false'));
    expect(screen.queryByRole('listbox')).toBeNull(); // hidden
    expect(input().getAttribute('aria-activedescendant')).toBeNull();
    expect(screen.getByTestId('palette-count').textContent).toContain('No matches');
  });

  it('renders a hostile name as text', async () => {
    live.server.set('secrets', [object('demo', '<img src=x onerror=alert(1)>')]);
    renderPage();
    fireEvent.keyDown(document.body, { key: ':' });
    fireEvent.change(input(), { target: { value: '<img' } });
    const option = await screen.findByRole('option', { name: /onerror/ });
    expect(option.textContent).toContain('demo/<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });

  it('a click on an option opens it', async () => {
    renderPage();
    fireEvent.keyDown(document.body, { key: ':' });
    fireEvent.change(input(), { target: { value: 'payments' } });
    const option = await screen.findByRole('option', { name: /payments/ });
    fireEvent.click(option);
    expect(screen.getByTestId('where').textContent).toBe('/deployments/demo/payments?ns=demo');
  });
});
