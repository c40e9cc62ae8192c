import { describe, expect, it } from 'vitest';
import { fitWidth, tableMinWidth } from './column-widths';

describe('tableMinWidth', () => {
  it('adds the fixed widths and room for each flexible column, at least 48rem', () => {
    expect(tableMinWidth(['14rem', '5rem', undefined, '11rem'])).toBe('48rem');
    expect(tableMinWidth(['14rem', '5rem', '7.5rem', '6rem', '5.5rem', '8rem', undefined, '11rem'])).toBe(
      '69rem',
    );
    expect(tableMinWidth([])).toBe('48rem');
  });
});

describe('fitWidth', () => {
  it('fits the sample at 0.6rem a glyph plus the padding and extra, rounded up to 0.5rem', () => {
    expect(fitWidth('12 (125m ago)')).toBe('9.5rem'); // 7.8 + 1.5
    expect(fitWidth('Init:CrashLoopBackOff', 0.75)).toBe('15rem'); // 12.6 + 1.5 + 0.75
  });
});
