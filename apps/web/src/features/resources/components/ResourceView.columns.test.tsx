// @vitest-environment jsdom
import type { V1Pod } from '@kubernetes/client-node';
import { cleanup, screen, within } from '@testing-library/react';
import { Route } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { giveElementsASize } from '../../../components/live-table/jsdom-layout';
import { newLiveBed, renderRoutes } from '../../../test-support/live-render';
import ResourceView from './ResourceView';

giveElementsASize();
afterEach(cleanup);

const ago = (ms: number) => new Date(Date.now() - ms) as unknown as Date;

/** A pod stuck in its init container, restarted 12 times, the last 125 minutes ago (kubectl's example). */
const initCrash: V1Pod = {
  metadata: {
    name: 'init-crash',
    namespace: 'ux',
    uid: 'u1',
    resourceVersion: '1',
    creationTimestamp: ago(3e6),
  },
  spec: { nodeName: 'kwok-node-0', initContainers: [{ name: 'init' }], containers: [{ name: 'app' }] },
  status: {
    phase: 'Pending',
    initContainerStatuses: [
      {
        name: 'init',
        image: 'busybox',
        imageID: '',
        ready: false,
        restartCount: 12,
        state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: { terminated: { exitCode: 1, finishedAt: ago(125 * 60_000 + 5_000) } },
      },
    ],
    containerStatuses: [
      {
        name: 'app',
        image: 'app:1',
        imageID: '',
        ready: false,
        restartCount: 0,
        state: { waiting: { reason: 'PodInitializing' } },
      },
    ],
  },
};

/** The rem a CSS width such as `13.5rem` stands for. */
const rem = (width: string) => Number(/^([\d.]+)rem$/.exec(width)?.[1] ?? Number.NaN);

describe('the Pods list columns', () => {
  it('fits STATUS and RESTARTS to their usual values and cuts what does not fit with an ellipsis and a tooltip', async () => {
    const bed = newLiveBed();
    bed.server.set('pods', [initCrash]);
    renderRoutes(
      bed,
      '/pods?ns=ux',
      <Route path="/:kind" element={<ResourceView kind="pods" title="Pods" noun="pods" />} />,
    );
    const row = await screen.findByTestId('row-init-crash');

    // The whole value on hover, and the text itself in an element that truncates (text-overflow
    // does not reach into STATUS's flex container from the cell).
    const status = within(row).getByText('Init:CrashLoopBackOff');
    expect(status.closest('[title]')?.getAttribute('title')).toBe('Init:CrashLoopBackOff');
    expect(status.classList.contains('truncate')).toBe(true);
    const restarts = within(row).getByText('12 (125m ago)');
    expect(restarts.getAttribute('title')).toBe('12 (125m ago)');

    // Widths: 0.6rem a glyph (DejaVu's digits) plus the cell's 1.5rem padding, STATUS's dot.
    const width = (header: string) => rem(screen.getByRole('columnheader', { name: header }).style.width);
    expect(width('STATUS')).toBeGreaterThanOrEqual(21 * 0.6 + 1.5 + 0.75);
    expect(width('RESTARTS')).toBeGreaterThanOrEqual(13 * 0.6 + 1.5);
    // NAME no longer takes the slack: it has a width; NODE takes what is left.
    expect(width('NAME')).toBeGreaterThan(0);
    expect(screen.getByRole('columnheader', { name: 'NODE' }).style.width).toBe('');
    bed.store.dispose();
  });
});
