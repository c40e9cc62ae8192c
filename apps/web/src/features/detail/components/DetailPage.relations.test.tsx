// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { detailBed, renderDetail } from '../testing/detail-bed';

/** What an object page shows of the objects around it: owners, owned, selected, and its labels. */

const page = detailBed();

describe('DetailPage', () => {
  it('shows a Deployment with its rollout line, resolved strategy, ReplicaSets by revision and their pods', async () => {
    renderDetail(page, '/deployments/shop/web');
    expect(await screen.findByTestId('rollout-message')).toHaveProperty(
      'textContent',
      'Waiting for deployment "web" rollout to finish: 1 of 2 updated replicas are available...',
    );
    expect(screen.getByTestId('strategy').textContent).toBe('RollingUpdate: maxSurge 1, maxUnavailable 0');
    expect(screen.getByTestId('rollout-link').getAttribute('href')).toBe('/deployments/shop/web/rollout');
    await waitFor(() => expect(screen.getByTestId('rs-web-new')).toBeDefined());
    const rsRows = within(screen.getByTestId('replicasets-table')).getAllByRole('row').slice(1);
    expect(rsRows.map((r) => r.getAttribute('data-testid'))).toEqual(['rs-web-new', 'rs-web-old']);
    const pods = within(screen.getByTestId('pods'));
    const podLinks = () =>
      pods.getAllByRole('link').filter((a) => a.getAttribute('href')?.startsWith('/pods/'));
    await waitFor(() => expect(podLinks().map((a) => a.textContent)).toEqual(['web-new-a', 'web-new-b']));
    // Each pod's node leads to the node's page, keeping the namespace in view.
    const nodeLinks = pods.getAllByTestId('node-link');
    expect(nodeLinks.map((a) => a.getAttribute('href'))).toEqual(
      nodeLinks.map((a) => `/nodes/${a.textContent}?ns=shop`),
    );
    expect(nodeLinks.length).toBe(2);
  });

  it('adds a clicked label to the list selector', async () => {
    renderDetail(page, '/deployments/shop/web?ns=shop');
    fireEvent.click(await screen.findByTestId('label-tier'));
    expect(screen.getByTestId('where').textContent).toBe('/deployments?ns=shop&l=tier%3Dfront');
  });

  it('adds a clicked label to the selector the list had (l= travels with the link)', async () => {
    renderDetail(page, '/deployments/shop/web?ns=shop&l=env%3Dprod');
    expect(screen.getByRole('link', { name: 'Deployments' }).getAttribute('href')).toBe(
      '/deployments?ns=shop&l=env%3Dprod',
    );
    fireEvent.click(await screen.findByTestId('label-tier'));
    expect(screen.getByTestId('where').textContent).toBe('/deployments?ns=shop&l=env%3Dprod%2Ctier%3Dfront');
  });

  it('shows a Pod with its owner chain, probes, resources and volume links', async () => {
    renderDetail(page, '/pods/shop/web-new-a');
    const chain = await screen.findByTestId('owner-chain');
    await waitFor(() =>
      expect(
        within(chain)
          .getAllByRole('link')
          .map((a) => a.textContent),
      ).toEqual(['web', 'web-new']),
    );
    const container = screen.getByTestId('container-web');
    expect(container.textContent).toContain(
      'HTTP GET http://:8080/ready (port "http") every 10s, timeout 1s; 3 failures → unready',
    );
    expect(container.textContent).toContain('cpu 100m');
    expect(
      within(screen.getByTestId('volumes')).getByRole('link', { name: 'web-config' }).getAttribute('href'),
    ).toBe('/configmaps/shop/web-config?ns=shop');
    expect(
      within(screen.getByTestId('pod-uses'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['ConfigMap web-config']);
    await waitFor(() =>
      expect(within(screen.getByTestId('pod-services')).getByRole('link', { name: 'web-svc' })).toBeDefined(),
    );
  });

  it('shows the pods a Service selects with their EndpointSlice state', async () => {
    renderDetail(page, '/services/shop/web-svc');
    const section = await screen.findByTestId('service-pods');
    await waitFor(() => expect(within(section).getAllByTestId('endpoint-state')).toHaveLength(2));
    expect(within(screen.getByTestId('pod-web-new-a')).getByTestId('endpoint-state').textContent).toBe(
      'ready',
    );
    expect(within(screen.getByTestId('pod-web-new-b')).getByTestId('endpoint-state').textContent).toBe(
      'not ready',
    );
    expect(section.querySelector('h2')?.textContent).toBe('Pods (1/2 ready endpoints)');
    expect(page.server.subscribeLog).toContainEqual({
      kind: 'endpointslices',
      namespace: 'shop',
      labelSelector: 'kubernetes.io/service-name=web-svc',
    });
  });
});
