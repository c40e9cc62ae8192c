import { describe, expect, it } from 'vitest';
import { chunkUtf8 } from './chunks';

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('chunkUtf8', () => {
  it('leaves a short input alone and drops an empty one', () => {
    expect(chunkUtf8('ls -la\r', 8192)).toEqual(['ls -la\r']);
    expect(chunkUtf8('', 8192)).toEqual([]);
  });

  it('cuts a long paste into pieces within the byte limit that join back to the paste', () => {
    const paste = 'x'.repeat(20_000);
    const chunks = chunkUtf8(paste, 8192);
    expect(chunks.map(bytes)).toEqual([8192, 8192, 3616]);
    expect(chunks.join('')).toBe(paste);
  });

  it('never splits a character: multi-byte letters and emoji stay whole', () => {
    const paste = 'é€😀'.repeat(1000);
    const chunks = chunkUtf8(paste, 100);
    expect(chunks.join('')).toBe(paste);
    for (const c of chunks) {
      expect(bytes(c)).toBeLessThanOrEqual(100);
      expect(c).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });
});
