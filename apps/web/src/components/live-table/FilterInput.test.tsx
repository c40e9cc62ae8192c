// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FilterInput } from './FilterInput';

afterEach(cleanup);

const box = () => screen.getByTestId('filter-input') as HTMLInputElement;

describe('FilterInput', () => {
  it('keeps every typed character while the URL catches up one keystroke late', () => {
    const onChange = vi.fn();
    const { rerender } = render(<FilterInput value="" onChange={onChange} placeholder="Filter" />);
    // Fast typing: "pa" is typed before the URL (the `value` prop) has followed "p".
    fireEvent.change(box(), { target: { value: 'p' } });
    fireEvent.change(box(), { target: { value: 'pa' } });
    rerender(<FilterInput value="p" onChange={onChange} placeholder="Filter" />);
    expect(box().value).toBe('pa');
    fireEvent.change(box(), { target: { value: 'pay' } });
    rerender(<FilterInput value="pa" onChange={onChange} placeholder="Filter" />);
    rerender(<FilterInput value="pay" onChange={onChange} placeholder="Filter" />);
    expect(box().value).toBe('pay');
    expect(onChange.mock.calls.map(([v]) => v)).toEqual(['p', 'pa', 'pay']);
  });

  it('follows a change from outside (back button, a followed link)', () => {
    const onChange = vi.fn();
    const { rerender } = render(<FilterInput value="api" onChange={onChange} placeholder="Filter" />);
    fireEvent.change(box(), { target: { value: 'apix' } });
    rerender(<FilterInput value="apix" onChange={onChange} placeholder="Filter" />);
    rerender(<FilterInput value="worker" onChange={onChange} placeholder="Filter" />);
    expect(box().value).toBe('worker');
  });

  it('Escape clears the text, then leaves the box', () => {
    const onChange = vi.fn();
    render(<FilterInput value="api" onChange={onChange} placeholder="Filter" />);
    box().focus();
    fireEvent.keyDown(box(), { key: 'Escape' });
    expect(box().value).toBe('');
    expect(onChange).toHaveBeenLastCalledWith('');
    fireEvent.keyDown(box(), { key: 'Escape' });
    expect(document.activeElement).not.toBe(box());
  });
});
