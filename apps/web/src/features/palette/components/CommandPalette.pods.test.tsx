// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { describe, expect, it } from 'vitest';
import { giveElementsASize } from '../../../components/live-table/jsdom-layout';
import { liveBed, renderRoutes, Where } from '../../../test-support/live-render';
import { makePod } from '../../../test-support/pods';
import ResourceView from '../../resources/components/ResourceView';
import { CommandPalette } from './CommandPalette';

/**
 * The palette finds pods from the rows the BFF computes for the Pods list (`shape: 'row'`): a name
 * and a namespace is all it reads, and the all-namespaces Pods list already holds them.
 */

giveElementsASize();

const live = liveBed((server) => server.set('pods', [makePod('demo', 'api-6f7b9c8d5-x2k9p')]));

const renderWith = (beside?: ReactNode) =>
  renderRoutes(
    live,
    '/pods',
    <Route
      path="*"
      element={
        <>
          <CommandPalette />
          {beside}
          <Where />
        </>
      }
    />,
  );

const input = () => screen.getByRole('combobox', { name: 'Find an object or a view' });

describe('CommandPalette pods', () => {
  it('finds a pod by name from its row and opens its page; a pod created meanwhile is found too', async () => {
    renderWith();
    fireEvent.keyDown(document.body, { key: ':' });
    fireEvent.change(input(), { target: { value: 'x2k9p' } });
    const option = await screen.findByRole('option', { name: /api-6f7b9c8d5-x2k9p/ });
    expect(option.textContent).toContain('demo/api-6f7b9c8d5-x2k9p');
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(screen.getByTestId('where').textContent).toBe('/pods/demo/api-6f7b9c8d5-x2k9p?ns=demo');

    fireEvent.keyDown(document.body, { key: ':' });
    act(() => live.server.push('pods', [{ type: 'ADDED', object: makePod('staging', 'api-77c4d-q8w2z') }]));
    fireEvent.change(input(), { target: { value: 'q8w2z' } });
    const created = await screen.findByRole('option', { name: /q8w2z/ });
    expect(created.textContent).toContain('staging/api-77c4d-q8w2z');
    expect(live.server.subscribeLog.filter((s) => s.kind === 'pods')).toEqual([
      { kind: 'pods', shape: 'row' },
    ]);
  });

  it('opened over the all-namespaces Pods list, searches its rows: one pods subscription for both', async () => {
    renderWith(<ResourceView kind="pods" title="Pods" noun="pods" />);
    await screen.findByTestId('row-api-6f7b9c8d5-x2k9p');
    fireEvent.keyDown(document.body, { key: ':' });
    fireEvent.change(input(), { target: { value: 'x2k9p' } });
    await screen.findByRole('option', { name: /api-6f7b9c8d5-x2k9p/ });
    await waitFor(() => expect(live.server.subscribeLog).toHaveLength(6));
    expect(live.server.subscribeLog.filter((s) => s.kind === 'pods')).toEqual([
      { kind: 'pods', shape: 'row' },
    ]);
    expect([...live.server.subs.values()].filter((s) => s.kind === 'pods')).toHaveLength(1);
  });
});
