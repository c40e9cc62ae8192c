// @vitest-environment jsdom
import type { UseQueryResult } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { DeploymentRevision, HistoryResponse } from '@wheelhouse/shared-types';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { RevisionHistory } from './RevisionHistory';

afterEach(cleanup);

const revision = (n: number, image: string, current = false): DeploymentRevision => ({
  revision: n,
  replicaSet: `api-${n}`,
  images: [image],
  template: { spec: { containers: [{ name: 'api', image }] } },
  replicas: current ? 3 : 0,
  current,
});
const history = {
  isError: false,
  data: {
    resourceVersion: '9',
    currentRevision: 3,
    revisions: [revision(1, 'api:1'), revision(2, 'api:2'), revision(3, 'api:3', true)],
  },
} as unknown as UseQueryResult<HistoryResponse>;

function Search() {
  return <output data-testid="search">{useLocation().search}</output>;
}

function renderAt(url: string) {
  render(
    <MemoryRouter initialEntries={[url]}>
      <Routes>
        <Route
          path="/deployments/:namespace/:name/rollout"
          element={
            <>
              <RevisionHistory history={history} canUndo={{ allowed: true }} onUndo={() => {}} />
              <Search />
            </>
          }
        />
      </Routes>
    </MemoryRouter>,
  );
}

const picked = (label: 'from' | 'to') => (screen.getByTestId(`diff-${label}`) as HTMLSelectElement).value;

describe('RevisionHistory diff picks', () => {
  it('compares previous with current by default, and puts a pick in the URL', () => {
    renderAt('/deployments/demo/api/rollout?ns=demo');
    expect([picked('from'), picked('to')]).toEqual(['2', '3']);
    fireEvent.change(screen.getByTestId('diff-from'), { target: { value: '1' } });
    expect(picked('from')).toBe('1');
    expect(screen.getByTestId('search').textContent).toBe('?ns=demo&from=1');
  });

  it('reads the picks back from a shared link, ignoring a revision that no longer exists', () => {
    renderAt('/deployments/demo/api/rollout?from=1&to=2');
    expect([picked('from'), picked('to')]).toEqual(['1', '2']);
    cleanup();
    renderAt('/deployments/demo/api/rollout?from=7');
    expect([picked('from'), picked('to')]).toEqual(['2', '3']);
  });
});
