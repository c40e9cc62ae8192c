// @vitest-environment jsdom
import type { V1Pod } from '@kubernetes/client-node';
import { QueryClient } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ExecStartAck, ExecStartRequest } from '@wheelhouse/shared-types';
import { useImperativeHandle } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveStore } from '../../../lib/live/live-store';
import { jsonResponse, session } from '../../../test-support/bff-responses';
import { LiveProviders } from '../../../test-support/live-render';
import { fakeStreamSocket, type StreamSocketFake } from '../../../test-support/stream-socket';
import type { TerminalHandle } from '../lib/terminal-handle';
import { ShellPanel } from './ShellPanel';
import type { XTermProps } from './XTerm';

/** What the fake terminal was asked to show, and a way to type into it. */
const screenText: string[] = [];
let typeIntoTerminal: (data: string) => void = () => {};

// xterm.js needs a real browser (canvas, layout): the panel's contract with it is the handle.
vi.mock('./XTerm', () => ({
  default: function FakeXTerm({ ref, onData, onReady }: XTermProps) {
    typeIntoTerminal = onData;
    useImperativeHandle(
      ref,
      () =>
        ({
          write: (d: string) => screenText.push(d),
          reset: () => screenText.splice(0),
          focus: () => {},
          size: () => ({ cols: 120, rows: 33 }),
        }) satisfies TerminalHandle,
    );
    queueMicrotask(() => onReady({ cols: 120, rows: 33 }));
    return <div data-testid="shell-terminal" />;
  },
}));

let fake: StreamSocketFake;
let starts: ExecStartRequest[];
let answer: (req: ExecStartRequest) => ExecStartAck;
/** What the panel sent besides execStart (input, resize, stop), in order: [event, request]. */
const inputs = () => fake.sent.filter(([event]) => event !== 'execStart');

const pod: V1Pod = {
  metadata: { name: 'api-1', namespace: 'demo', uid: 'u1' },
  spec: {
    containers: [
      { name: 'app', image: 'x' },
      { name: 'proxy', image: 'y' },
    ],
  },
  status: { phase: 'Running' },
};

let client: QueryClient;
let store: LiveStore;

beforeEach(() => {
  starts = [];
  fake = fakeStreamSocket({
    execStart: (_deliver, req: ExecStartRequest) => {
      starts.push(req);
      return answer(req);
    },
  });
  screenText.splice(0);
  answer = () => ({ ok: true, sessionId: 'x1', shell: 'bash' });
  client = new QueryClient();
  store = new LiveStore(fake.socket, client);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const body = url.startsWith('/api/session')
        ? session
        : { namespace: 'demo', results: [{ check: 'create:pods/exec', allowed: true }] };
      return jsonResponse(body);
    }),
  );
});
afterEach(() => {
  cleanup();
  store.dispose();
  vi.unstubAllGlobals();
});

const renderPanel = () =>
  render(
    <LiveProviders bed={{ client, store }}>
      <ShellPanel pod={pod} />
    </LiveProviders>,
  );

describe('ShellPanel', () => {
  it('opens a shell in the first container at the terminal’s size, with the CSRF token, and relays both ways', async () => {
    renderPanel();
    await screen.findByText('Connected: bash in app');
    expect(starts).toEqual([
      { namespace: 'demo', pod: 'api-1', container: 'app', cols: 120, rows: 33, csrf: 'tok-1' },
    ]);
    act(() => fake.deliver('execOutput', { sessionId: 'x1', data: 'root@api-1:/# <b>not bold</b>' }));
    expect(screenText).toEqual(['root@api-1:/# <b>not bold</b>']);
    typeIntoTerminal('l');
    expect(inputs().at(-1)).toEqual(['execInput', { sessionId: 'x1', data: 'l' }]);

    act(() => fake.deliver('execEnd', { sessionId: 'x1', reason: 'exited', exitCode: 130 }));
    expect(screen.getByTestId('shell-state').textContent).toBe('Session ended (exit code 130).');
    expect(screenText.at(-1)).toContain('[Session ended (exit code 130).]');
    expect(screen.getByTestId('shell-connect').textContent).toBe('Reconnect');
  });

  it('runs the command typed, in the container picked, on Reconnect; and shows a refusal as an alert', async () => {
    renderPanel();
    await screen.findByText('Connected: bash in app');
    answer = () => ({
      ok: false,
      error: {
        code: 400,
        reason: 'BadRequest',
        message: 'cannot run "zsh -l" in this container: executable file not found in $PATH',
        source: 'bff',
      },
    });
    fireEvent.change(screen.getByTestId('shell-container'), { target: { value: 'proxy' } });
    fireEvent.change(screen.getByTestId('shell-command'), { target: { value: '  zsh   -l ' } });
    fireEvent.click(screen.getByTestId('shell-connect'));
    const alert = await screen.findByTestId('shell-error');
    expect(alert.textContent).toBe(
      'BadRequest (400): cannot run "zsh -l" in this container: executable file not found in $PATH',
    );
    expect(starts.at(-1)).toMatchObject({ container: 'proxy', command: ['zsh', '-l'] });
    // The first session was stopped before the second was asked for.
    expect(inputs()).toContainEqual(['execStop', { sessionId: 'x1' }]);
  });

  it('ends the session when the panel goes away (leaving the tab)', async () => {
    const view = renderPanel();
    await screen.findByText('Connected: bash in app');
    view.unmount();
    await waitFor(() => expect(inputs()).toContainEqual(['execStop', { sessionId: 'x1' }]));
  });
});
