import { describe, expect, it } from 'vitest';
import { liveKey } from '../../../lib/live/query-keys';
import { indicatorOf } from './LiveIndicator';

describe('indicatorOf', () => {
  it('says Live when connected and every subscription is live', () => {
    expect(indicatorOf({ connection: 'connected', problems: [] })).toEqual({ state: 'live', label: 'Live' });
  });

  it('says Reconnecting… and names each subscription the server reports as not live', () => {
    const indicator = indicatorOf({
      connection: 'connected',
      problems: [
        {
          key: liveKey({ kind: 'pods', namespace: 'default' }),
          state: 'reconnecting',
          message: 'watch failed: connection refused',
        },
        { key: liveKey({ kind: 'deployments' }), state: 'error' },
      ],
    });
    expect(indicator.state).toBe('reconnecting');
    expect(indicator.label).toBe('Reconnecting…');
    expect(indicator.detail).toBe(
      'pods in default: watch failed: connection refused\ndeployments in all namespaces: error',
    );
  });

  it('says Reconnecting… while socket.io retries a dropped connection', () => {
    expect(indicatorOf({ connection: 'reconnecting', problems: [] })).toMatchObject({
      state: 'reconnecting',
      label: 'Reconnecting…',
    });
  });

  it('says Disconnected when socket.io gave up', () => {
    expect(indicatorOf({ connection: 'disconnected', problems: [] }).label).toBe('Disconnected');
  });

  it('says Connecting… before the first connection', () => {
    expect(indicatorOf({ connection: 'connecting', problems: [] }).state).toBe('connecting');
  });
});
