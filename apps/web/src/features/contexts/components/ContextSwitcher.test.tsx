// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ContextsResponse } from '@wheelhouse/shared-types';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { switchContext, withContext } from '../../../lib/kube-context';
import { contextsQuery } from '../api/get-contexts';
import { ContextSwitcher } from './ContextSwitcher';

function renderWith(contexts: ContextsResponse, onSwitch = vi.fn()) {
  const client = new QueryClient();
  client.setQueryData(contextsQuery.queryKey, contexts);
  render(
    <QueryClientProvider client={client}>
      <ContextSwitcher onSwitch={onSwitch} />
    </QueryClientProvider>,
  );
  return onSwitch;
}

describe('ContextSwitcher', () => {
  afterEach(cleanup);

  it('stays hidden when the kubeconfig has one context', () => {
    renderWith({ current: 'only', contexts: [{ name: 'only', cluster: 'c' }] });
    expect(screen.queryByTestId('context-switcher')).toBeNull();
  });

  it('offers every context, selects the current one and switches on change', () => {
    const onSwitch = renderWith({
      current: 'prod',
      contexts: [
        { name: 'prod', cluster: 'p' },
        { name: 'staging', cluster: 's', namespace: 'web' },
      ],
    });
    const select = screen.getByTestId('context-switcher') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['prod', 'staging']);
    expect(select.value).toBe('prod');
    fireEvent.change(select, { target: { value: 'staging' } });
    expect(onSwitch).toHaveBeenCalledWith('staging');
  });
});

describe('kube context in URLs', () => {
  it('adds context= to BFF paths only for a non-default context', () => {
    expect(withContext('/api/namespaces', undefined)).toBe('/api/namespaces');
    expect(withContext('/api/namespaces', 'kind-dev')).toBe('/api/namespaces?context=kind-dev');
    expect(withContext('/api/permissions?namespace=a', 'a b')).toBe(
      '/api/permissions?namespace=a&context=a%20b',
    );
  });

  it('switches by loading the same view with ctx= in the URL', () => {
    const assign = vi.fn();
    switchContext('staging', { href: 'http://127.0.0.1:7070/pods?ns=demo', assign });
    expect(assign).toHaveBeenCalledWith('http://127.0.0.1:7070/pods?ns=demo&ctx=staging');
  });
});
