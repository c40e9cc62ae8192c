import { describe, expect, it } from 'vitest';
import { tableMinWidth } from './column-widths';

describe('tableMinWidth', () => {
  it('adds the fixed widths and room for each flexible column, at least 48rem', () => {
    expect(tableMinWidth(['14rem', '5rem', undefined, '11rem'])).toBe('48rem');
    expect(tableMinWidth(['14rem', '5rem', '7.5rem', '6rem', '5.5rem', '8rem', undefined, '11rem'])).toBe(
      '69rem',
    );
    expect(tableMinWidth([])).toBe('48rem');
  });
});
