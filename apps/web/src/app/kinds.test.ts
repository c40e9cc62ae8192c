import { describe, expect, it } from 'vitest';
import { VIEW_KINDS } from './kinds';

describe('VIEW_KINDS', () => {
  it('names every kind the same way in counts and messages (kubectl resource names: "5 replicasets")', () => {
    for (const v of VIEW_KINDS) expect(v.noun, v.kind).toBe(v.kind);
  });
});
