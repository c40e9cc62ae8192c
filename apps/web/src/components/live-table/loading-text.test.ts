import { describe, expect, it } from 'vitest';
import { loadingText } from './loading-text';

describe('loadingText', () => {
  it('says how many of about how many have arrived', () => {
    expect(loadingText({ loaded: 12_500, total: 30_000 }, 'pods')).toBe('loading 12,500 of ~30,000 pods…');
  });
  it('leaves the total out when the apiserver gives none (a label selector)', () => {
    expect(loadingText({ loaded: 500 }, 'pods')).toBe('loading 500 pods…');
  });
  it('puts the filter’s matches first', () => {
    expect(loadingText({ loaded: 5_500, total: 10_000 }, 'pods', 3)).toBe(
      '3 match, loading 5,500 of ~10,000 pods…',
    );
  });
});
