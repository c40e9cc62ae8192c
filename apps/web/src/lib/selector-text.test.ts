import { describe, expect, it } from 'vitest';
import { addRequirement, checkSelector } from './selector-text';

describe('checkSelector', () => {
  it('accepts kubectl selectors and trims them', () => {
    expect(checkSelector(' app=web, tier in (a,b),!canary ')).toEqual({
      ok: true,
      text: 'app=web, tier in (a,b),!canary',
    });
    expect(checkSelector('')).toEqual({ ok: true, text: '' });
  });

  it('reports where an invalid selector goes wrong', () => {
    const check = checkSelector('app=web,tier in (a');
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.position).toBe(18);
    expect(check.message).toMatch(/expected/);
  });

  it('points at an invalid label key', () => {
    const check = checkSelector('app=web,-bad=1');
    expect(check).toMatchObject({ ok: false, position: 8 });
  });
});

describe('addRequirement', () => {
  it('starts a selector, appends to one, and does not repeat a requirement', () => {
    expect(addRequirement('', 'app', 'web')).toBe('app=web');
    expect(addRequirement('tier=front', 'app', 'web')).toBe('tier=front,app=web');
    expect(addRequirement('app==web', 'app', 'web')).toBe('app==web');
  });
  it('replaces an invalid selector by the requirement', () => {
    expect(addRequirement('app in (', 'app', 'web')).toBe('app=web');
  });
  it('keeps an empty label value', () => {
    expect(addRequirement('', 'canary', '')).toBe('canary=');
  });
});
