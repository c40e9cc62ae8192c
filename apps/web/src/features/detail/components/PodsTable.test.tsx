// @vitest-environment jsdom
import type { V1Pod } from '@kubernetes/client-node';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { PodsTable } from './common-sections';

afterEach(cleanup);

const pod = (name: string, ready: boolean): V1Pod => ({
  metadata: { name, namespace: 'demo', uid: name, creationTimestamp: new Date() },
  spec: { containers: [{ name: 'api' }] },
  status: {
    phase: 'Running',
    containerStatuses: [
      { name: 'api', image: 'a', imageID: '', ready, restartCount: 0, state: { running: {} } },
    ],
  },
});

describe('PodsTable (Deployment and Service pages)', () => {
  it('colours READY as the lists do: 0/1 stands out, 1/1 does not', () => {
    render(
      <MemoryRouter>
        <PodsTable pods={[pod('a', false), pod('b', true)]} label="Pods" />
      </MemoryRouter>,
    );
    const tone = (name: string) =>
      within(screen.getByTestId(`pod-${name}`))
        .getByText(/^\d+\/\d+$/)
        .closest('[data-tone]')
        ?.getAttribute('data-tone');
    expect(tone('a')).toBe('progress');
    expect(tone('b')).toBe('ok');
  });
});
