// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RolloutEvent } from '../lib/rollout-events';
import { Timeline } from './Timeline';

afterEach(cleanup);

const opened = Date.now() - 5_000;
const event = (t: number, reason: string): RolloutEvent => ({
  uid: reason,
  t,
  first: t,
  from: 'replicaset-controller',
  type: 'Warning',
  reason,
  object: 'replicaset/shop-1',
  message: 'exceeded quota',
  count: 1,
});

describe('Timeline', () => {
  it('marks the Events since the page opened, including one of its first second (whole-second timestamps)', () => {
    render(
      <Timeline
        samples={[{ t: opened, newReady: 0, oldReady: 2, unavailable: 0 }]}
        ceiling={3}
        events={[
          // metav1.Time drops the fraction: created 400 ms after the page opened, it reads 600 ms before.
          event(opened - 600, 'FailedCreate'),
          event(opened + 2_000, 'BackOff'),
          event(opened - 5_000, 'Before'),
        ]}
      />,
    );
    const marks = screen.getAllByTestId('timeline-event').map((l) => l.textContent);
    expect(marks).toEqual([
      'Warning FailedCreate replicaset/shop-1: exceeded quota',
      'Warning BackOff replicaset/shop-1: exceeded quota',
    ]);
  });

  it('explains every line in the legend, the event marks included, with whole-number ticks', () => {
    render(
      <Timeline
        samples={[
          { t: opened, newReady: 0, oldReady: 4, unavailable: 0 },
          { t: opened + 1_000, newReady: 1, oldReady: 4, unavailable: 0 },
        ]}
        ceiling={5}
        events={[event(opened + 500, 'FailedCreate')]}
      />,
    );
    const legend = screen.getByTestId('timeline-legend').textContent ?? '';
    expect(legend).toContain('unavailable (desired − available)');
    expect(legend).toContain('event');
    expect(legend).toContain('warning event');
    const ticks = screen.getAllByTestId('timeline-tick').map((t) => t.textContent);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (const t of ticks) expect(Number.isInteger(Number(t))).toBe(true);
    expect(ticks).toContain('5');
  });

  it('draws the replayed past before the page opened, apart and explained', () => {
    const { rerender } = render(
      <Timeline samples={[{ t: opened, newReady: 4, oldReady: 0, unavailable: 0 }]} ceiling={5} />,
    );
    expect(screen.queryByTestId('timeline-past')).toBeNull();
    rerender(
      <Timeline
        samples={[{ t: opened, newReady: 4, oldReady: 0, unavailable: 0 }]}
        ceiling={5}
        past={{
          samples: [
            { t: opened - 120_000, newReady: 1, oldReady: 4, unavailable: 0 },
            { t: opened - 60_000, newReady: 3, oldReady: 2, unavailable: 0 },
          ],
          revisions: [{ t: opened - 120_000, revision: 2, name: 'api-2' }],
        }}
      />,
    );
    expect(screen.getByTestId('timeline-past').textContent).toContain('rev 2');
    expect(screen.getByTestId('timeline-past-legend').textContent).toContain('before the page opened');
    expect(screen.getByRole('img', { name: 'Rollout timeline' }).textContent).toMatch(/2m\d+s ago/);
  });
});
