// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RolloutEvent } from '../lib/rollout-events';
import { RolloutEvents } from './RolloutEvents';

afterEach(cleanup);

const now = Date.now();
const event = (i: number, extra: Partial<RolloutEvent> = {}): RolloutEvent => ({
  uid: `e${i}`,
  t: now - i * 60_000,
  first: now - i * 60_000,
  type: 'Normal',
  reason: 'ScalingReplicaSet',
  object: 'deployment/api',
  from: 'deployment-controller',
  message: `Scaled up replica set api-1 to ${i}`,
  count: 1,
  ...extra,
});

const rows = () => screen.getAllByTestId('rollout-event');

describe('RolloutEvents', () => {
  it('lists kubectl describe columns, one line each, in ages, newest first', () => {
    render(
      <RolloutEvents
        events={[
          event(2, {
            type: 'Warning',
            reason: 'BackOff',
            count: 3,
            first: now - 5 * 60_000,
            from: 'kubelet',
          }),
          event(9),
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Events of the rollout' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Type', 'Reason', 'Age', 'From', 'Object', 'Message']);
    expect(
      within(rows()[0] as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      'Warning',
      'BackOff',
      '2m (x3 over 5m)',
      'kubelet',
      'deployment/api',
      'Scaled up replica set api-1 to 2',
    ]);
    expect(rows()[1]?.textContent).toContain('9m');
    // No clock times: everything else on the page shows ages.
    expect(table.textContent).not.toMatch(/\d:\d\d/);
  });

  it('shows the 8 most recent, then all of them on demand, and collapses again', () => {
    render(<RolloutEvents events={Array.from({ length: 31 }, (_, i) => event(i))} />);
    expect(rows()).toHaveLength(8);
    expect(rows()[0]?.textContent).toContain('to 0');
    fireEvent.click(screen.getByRole('button', { name: 'Show all 31 events' }));
    expect(rows()).toHaveLength(31);
    fireEvent.click(screen.getByRole('button', { name: 'Show the 8 most recent' }));
    expect(rows()).toHaveLength(8);
  });

  it('says so when there are none', () => {
    render(<RolloutEvents events={[]} />);
    expect(screen.getByText('No events for this rollout.')).toBeTruthy();
  });
});
