import { describe, expect, it } from 'vitest';
import { logTimeKey, sortLogLinesByTime, splitLogTimestamp } from '../src/log-lines';

describe('timestamps', () => {
  it("splits the kubelet's RFC 3339 prefix from the text, and leaves a line without one whole", () => {
    expect(splitLogTimestamp('2026-11-29T18:32:07.993000000Z INFO paid')).toEqual({
      ts: '2026-11-29T18:32:07.993000000Z',
      text: 'INFO paid',
    });
    expect(splitLogTimestamp('2026-11-29T18:32:07Z ')).toEqual({ ts: '2026-11-29T18:32:07Z', text: '' });
    expect(splitLogTimestamp('INFO 2026-11-29T18:32:07Z x')).toEqual({ text: 'INFO 2026-11-29T18:32:07Z x' });
  });

  it('orders times of any precision and offset as strings', () => {
    const keys = [
      '2026-11-29T18:32:07.5Z',
      '2026-11-29T18:32:07.000000001Z',
      '2026-11-29T19:32:07.2+01:00', // 18:32:07.2 UTC
      '2026-11-29T18:32:07Z',
    ].map(logTimeKey);
    expect([...keys].sort()).toEqual([keys[3], keys[1], keys[2], keys[0]]);
    expect(logTimeKey(undefined)).toBe('');
    expect(logTimeKey('yesterday')).toBe('');
  });

  it('merges lines of several pods by time, stably, a line without a time after the one before it', () => {
    const lines = [
      { pod: 'a', ts: '2026-11-29T18:00:02.000000000Z' },
      { pod: 'a', ts: '2026-11-29T18:00:04.000000000Z' },
      { pod: 'notice' },
      { pod: 'b', ts: '2026-11-29T18:00:01.000000000Z' },
      { pod: 'b', ts: '2026-11-29T18:00:02.000000000Z' },
    ];
    expect(sortLogLinesByTime(lines).map((l) => `${l.pod}@${l.ts?.slice(17, 19) ?? ''}`)).toEqual([
      'b@01',
      'a@02',
      'b@02',
      'a@04',
      'notice@',
    ]);
  });
});
