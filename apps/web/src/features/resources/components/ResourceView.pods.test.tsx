// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, useParams } from 'react-router';
import { describe, expect, it } from 'vitest';
import { giveElementsASize } from '../../../components/live-table/jsdom-layout';
import { liveBed, renderRoutes, serverSends } from '../../../test-support/live-render';
import { makePod, type PodOptions } from '../../../test-support/pods';
import { cellTexts, headerTexts, rowIds } from '../../../test-support/table-queries';
import ResourceView from './ResourceView';

const pod = (name: string, opts: PodOptions & { namespace?: string } = {}) =>
  makePod(opts.namespace ?? 'default', name, opts);

giveElementsASize();

const live = liveBed((server) =>
  server.set('pods', [
    pod('web-1', { ip: '10.0.0.11', age: 90 }),
    pod('web-2', { ip: '10.0.0.12', restarts: 3, age: 30 }),
    pod('db-0', { namespace: 'data', ip: '10.0.1.5' }),
  ]),
);

function Detail() {
  const { kind, namespace, name } = useParams();
  return <p data-testid="detail">{`${kind}/${namespace}/${name}`}</p>;
}

const renderAt = (url: string) =>
  renderRoutes(
    live,
    url,
    <>
      <Route path="/:kind" element={<ResourceView kind="pods" title="Pods" noun="pods" />} />
      <Route path="/:kind/:namespace/:name" element={<Detail />} />
    </>,
  );

const cells = (name: string) => cellTexts(`row-${name}`);

describe('ResourceView of pods', () => {
  it('shows a loading state, then the pods as kubectl get pods -o wide prints them', async () => {
    renderAt('/pods?ns=default');
    expect(screen.getByRole('status').textContent).toBe('Loading pods…');
    await screen.findByTestId('row-web-1');

    expect(screen.getByRole('table', { name: 'pods' })).toBeDefined();
    const wide = ['NOMINATED NODE', 'READINESS GATES'];
    expect(headerTexts()).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', ...wide]);
    const web1 = ['web-1', '1/1', 'Running', '0', '90m', '10.0.0.11', 'kwok-node-0', '<none>', '<none>'];
    expect(cells('web-1')).toEqual(web1);
    expect(rowIds()).toEqual(['row-web-1', 'row-web-2']); // db-0 is in another namespace
    expect(live.server.subscribeLog).toEqual([{ kind: 'pods', namespace: 'default', shape: 'row' }]);
  });

  it('follows events: a pod going into CrashLoopBackOff, a new pod, a deleted pod', async () => {
    renderAt('/pods?ns=default');
    await screen.findByTestId('row-web-1');

    await serverSends(() =>
      live.server.push('pods', [
        { type: 'MODIFIED', object: pod('web-1', { rv: '2', waiting: 'CrashLoopBackOff', restarts: 4 }) },
        { type: 'ADDED', object: pod('web-3', { rv: '3', waiting: 'ContainerCreating', age: 0 }) },
        { type: 'DELETED', object: pod('web-2', { rv: '4' }) },
      ]),
    );

    expect(cells('web-1').slice(1, 4)).toEqual(['0/1', 'CrashLoopBackOff', '4']);
    const status = within(screen.getByTestId('row-web-1')).getByText('CrashLoopBackOff');
    expect(status.closest('[data-tone]')?.getAttribute('data-tone')).toBe('error');
    expect(screen.getByTestId('row-web-1').classList.contains('row-flash')).toBe(true);
    expect(cells('web-3')[2]).toBe('ContainerCreating');
    expect(screen.queryByTestId('row-web-2')).toBeNull();
    expect(rowIds()).toEqual(['row-web-1', 'row-web-3']);
  });

  it('shows NAMESPACE first across all namespaces, sorted by namespace then name', async () => {
    renderAt('/pods');
    await screen.findByTestId('row-db-0');
    expect(headerTexts()[0]).toBe('NAMESPACE');
    expect(cells('db-0').slice(0, 2)).toEqual(['data', 'db-0']);
    expect(rowIds()).toEqual(['row-db-0', 'row-web-1', 'row-web-2']);
    expect(live.server.subscribeLog).toEqual([{ kind: 'pods', shape: 'row' }]);
  });

  it('sorts by a column when its header is clicked', async () => {
    renderAt('/pods?ns=default');
    await screen.findByTestId('row-web-1');
    const restarts = screen.getByRole('columnheader', { name: /RESTARTS/ });
    fireEvent.click(within(restarts).getByRole('button'));
    // Numbers sort descending first: most restarts on top.
    expect(restarts.getAttribute('aria-sort')).toBe('descending');
    expect(rowIds()).toEqual(['row-web-2', 'row-web-1']);
    fireEvent.click(within(restarts).getByRole('button'));
    expect(rowIds()).toEqual(['row-web-1', 'row-web-2']);
  });

  it('filters with the text box, from the URL too', async () => {
    renderAt('/pods?ns=default&q=web-2');
    await screen.findByTestId('row-web-2');
    expect(rowIds()).toEqual(['row-web-2']);
    expect(screen.getByTestId('row-count').textContent).toBe('1 of 2');

    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter' }), {
      target: { value: 'nothing-like-it' },
    });
    expect(screen.getByRole('status').textContent).toBe('No pods match “nothing-like-it”');
  });

  it('says so when the namespace has no pods', async () => {
    renderAt('/pods?ns=empty');
    expect(await screen.findByText('No pods in namespace empty')).toBeDefined();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says "You may not list pods" with the apiserver\'s message when the ack is a 403', async () => {
    live.server.refuse(
      'pods',
      {
        code: 403,
        reason: 'Forbidden',
        message:
          'pods is forbidden: User "viewer" cannot watch resource "pods" in API group "" in the namespace "kube-system"',
        source: 'apiserver',
      },
      'kube-system',
    );
    renderAt('/pods?ns=kube-system');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('You may not list pods in namespace kube-system');
    expect(alert.textContent).toContain('User "viewer" cannot watch resource "pods"');
  });

  it('sends a valid label selector to the server; an invalid one shows a caret and changes nothing', async () => {
    live.server.set('pods', [pod('web-1'), pod('web-2'), pod('db-0')]);
    renderAt('/pods?ns=default');
    await screen.findByTestId('row-db-0');
    const input = screen.getByTestId('selector-input');

    fireEvent.change(input, { target: { value: 'app in (web' } });
    expect(screen.getByTestId('selector-error').textContent).toContain(
      "found end of string, expected: ',' or ')'",
    );
    expect(screen.getByTestId('selector-caret').textContent).toBe(`${' '.repeat(11)}^`);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(rowIds()).toEqual(['row-db-0', 'row-web-1', 'row-web-2']);
    expect(live.server.subscribeLog).toHaveLength(1);

    fireEvent.change(input, { target: { value: 'app in (web)' } });
    expect(screen.queryByTestId('selector-error')).toBeNull();
    await waitFor(() => expect(rowIds()).toEqual(['row-web-1', 'row-web-2']));
    expect(live.server.subscribeLog.at(-1)).toEqual({
      kind: 'pods',
      namespace: 'default',
      labelSelector: 'app in (web)',
      shape: 'row',
    });
  });

  it('reads the selector from the URL (l=) and says when nothing matches it', async () => {
    renderAt('/pods?ns=default&l=app%3Dnothing');
    expect(
      await screen.findByText(/No pods match the selector “app=nothing” in namespace default/),
    ).toBeDefined();
    expect((screen.getByTestId('selector-input') as HTMLInputElement).value).toBe('app=nothing');
  });

  it('moves between rows with the arrow keys and opens one with Enter', async () => {
    renderAt('/pods?ns=default');
    const first = await screen.findByTestId('row-web-1');
    expect(first.getAttribute('tabindex')).toBe('0');
    expect(screen.getByTestId('row-web-2').getAttribute('tabindex')).toBe('-1');
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('row-web-2')));
    fireEvent.keyDown(screen.getByTestId('filter-input'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByTestId('row-web-2'));
    fireEvent.keyDown(screen.getByTestId('row-web-2'), { key: 'Enter' });
    expect((await screen.findByTestId('detail')).textContent).toBe('pods/default/web-2');
  });

  it("links each name to the pod's page", async () => {
    renderAt('/pods?ns=default');
    await screen.findByTestId('row-web-1');
    const link = within(screen.getByTestId('row-web-1')).getByRole('link', { name: 'web-1' });
    expect(link.getAttribute('href')).toBe('/pods/default/web-1?ns=default');
  });

  it('shows a notice while the server says the watch is recovering', async () => {
    renderAt('/pods?ns=default');
    await screen.findByTestId('row-web-1');
    act(() => live.server.status('pods', 'reconnecting', 'watch closed: connection refused'));
    expect(screen.getByRole('status').textContent).toContain('watch closed: connection refused');
    act(() => live.server.status('pods', 'live'));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('keeps the last state on screen while the connection is down, then subscribes again', async () => {
    renderAt('/pods?ns=default');
    await screen.findByTestId('row-web-1');
    act(() => live.server.drop());
    expect(screen.getByRole('status').textContent).toContain('Connection to the server lost');
    expect(rowIds()).toEqual(['row-web-1', 'row-web-2']);

    live.server.set('pods', [pod('web-1', { rv: '9', waiting: 'ImagePullBackOff' })]);
    await serverSends(() => live.server.restore());
    expect(screen.queryByRole('status')).toBeNull();
    expect(live.server.subscribeLog).toHaveLength(2);
    await waitFor(() => expect(rowIds()).toEqual(['row-web-1']));
    expect(cells('web-1')[2]).toBe('ImagePullBackOff');
    expect(live.server.subscribeLog).toHaveLength(2);
  });
});
