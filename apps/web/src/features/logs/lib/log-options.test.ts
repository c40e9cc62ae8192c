import { describe, expect, it } from 'vitest';
import { readLogOptions, tailAndSince, writeLogOptions } from './log-options';

describe('log options in the URL', () => {
  it('reads defaults from an empty URL and keeps defaults out of it', () => {
    const o = readLogOptions(new URLSearchParams(), 500);
    expect(o).toEqual({
      follow: true,
      previous: false,
      tail: 500,
      since: '',
      timestamps: false,
      wrap: false,
      filter: '',
      regex: false,
      caseSensitive: false,
      onlyMatching: true,
    });
    expect(writeLogOptions(new URLSearchParams('tab=logs'), { ...o }, 500).toString()).toBe('tab=logs');
  });

  it('round-trips every option, and ignores values it does not know', () => {
    const params = writeLogOptions(
      new URLSearchParams('tab=logs'),
      {
        container: 'app',
        follow: false,
        previous: true,
        tail: 0,
        since: '5m',
        timestamps: true,
        wrap: true,
        filter: 'err|warn',
        regex: true,
        caseSensitive: true,
        onlyMatching: false,
      },
      500,
    );
    expect(params.toString()).toBe(
      'tab=logs&container=app&follow=0&previous=1&tail=all&since=5m&timestamps=1&wrap=1&filter=err%7Cwarn&regex=1&case=1&matching=0',
    );
    expect(readLogOptions(params, 500)).toMatchObject({
      container: 'app',
      tail: 0,
      since: '5m',
      filter: 'err|warn',
    });
    expect(readLogOptions(new URLSearchParams('tail=-3&since=2y'), 100)).toMatchObject({
      tail: 100,
      since: '',
    });
    expect(tailAndSince(readLogOptions(params, 500))).toEqual({ sinceSeconds: 300 });
  });
});
