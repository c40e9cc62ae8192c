// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { jsonResponse, session } from '../../../test-support/bff-responses';
import { LiveProviders, liveBed } from '../../../test-support/live-render';
import { LoginScreen } from './LoginScreen';

let fetchMock: Mock<(url: string, init?: RequestInit) => Promise<Response>>;

afterEach(() => {
  vi.unstubAllGlobals();
});
const live = liveBed();
beforeEach(() => {
  // The BFF's answers: the session (for its CSRF token), and a token the apiserver refused.
  fetchMock = vi.fn(async (url: string) => {
    if (url === '/api/session') return jsonResponse(session);
    if (url === '/api/login') {
      return jsonResponse(
        {
          error: {
            code: 401,
            reason: 'Unauthorized',
            message: 'the token was not accepted',
            source: 'apiserver',
          },
        },
        401,
      );
    }
    return jsonResponse(
      { error: { code: 404, reason: 'NotFound', message: `no ${url}`, source: 'bff' } },
      404,
    );
  });
  vi.stubGlobal('fetch', fetchMock);
});

describe('LoginScreen', () => {
  it('posts the token with the CSRF header and shows the 401 message', async () => {
    // jsdom has no matchMedia (the theme toggle on the screen asks for the system theme).
    vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }));
    render(
      <LiveProviders bed={live}>
        <LoginScreen context="prod" />
      </LiveProviders>,
    );
    fireEvent.change(screen.getByTestId('login-token'), { target: { value: 'bad' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByTestId('login-error')).textContent).toBe(
      'Unauthorized (401): the token was not accepted',
    );
    const call = fetchMock.mock.calls.find(([url]) => url === '/api/login');
    const init = call?.[1] as RequestInit | undefined;
    expect(JSON.parse(String(init?.body))).toEqual({ token: 'bad' });
    expect((init?.headers as Record<string, string> | undefined)?.['x-wheelhouse-csrf']).toBe('tok-1');
  });
});
