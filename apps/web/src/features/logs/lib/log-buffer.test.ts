import { describe, expect, it } from 'vitest';
import { LogBuffer } from './log-buffer';

const at = (s: number) => `2026-11-29T18:00:${String(s).padStart(2, '0')}.000000000Z`;

describe('LogBuffer', () => {
  it('interleaves the lines of several pods by time, though a late pod brings older lines', () => {
    const b = new LogBuffer();
    b.add([
      { pod: 'a', container: 'app', ts: at(1), text: 'a1' },
      { pod: 'a', container: 'app', ts: at(3), text: 'a3' },
    ]);
    b.add([
      { pod: 'b', container: 'app', ts: at(2), text: 'b2' },
      { pod: 'b', container: 'app', ts: at(3), text: 'b3' },
      { pod: '', container: '', text: 'notice' },
    ]);
    expect(b.snapshot().map((l) => l.text)).toEqual(['a1', 'b2', 'a3', 'b3', 'notice']);
    expect(new Set(b.snapshot().map((l) => l.seq)).size).toBe(5);
  });

  it('is a ring: past its capacity the oldest lines go, and says how many', () => {
    const b = new LogBuffer(3);
    b.add([1, 2, 3, 4, 5].map((s) => ({ pod: '', container: 'c', ts: at(s), text: `l${s}` })));
    expect(b.snapshot().map((l) => l.text)).toEqual(['l3', 'l4', 'l5']);
    expect(b.dropped).toBe(2);
    b.clear();
    expect(b.size).toBe(0);
    expect(b.dropped).toBe(0);
  });
});
