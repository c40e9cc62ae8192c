// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRef, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useFocusTrap } from './use-focus-trap';

afterEach(cleanup);

function Dialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useFocusTrap(ref, { onEscape: onClose });
  return (
    <div ref={ref} role="dialog" aria-modal="true" aria-label="Test">
      <input aria-label="first" />
      <button type="button" disabled>
        disabled
      </button>
      <button type="button">last</button>
    </div>
  );
}

function Page() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        open
      </button>
      <button type="button">behind</button>
      {open && <Dialog onClose={() => setOpen(false)} />}
    </>
  );
}

const focused = () => document.activeElement;

describe('useFocusTrap', () => {
  it('focuses the first field, cycles Tab and Shift-Tab inside, closes on Escape and gives focus back', () => {
    render(<Page />);
    const opener = screen.getByRole('button', { name: 'open' });
    opener.focus();
    fireEvent.click(opener);
    const first = screen.getByRole('textbox', { name: 'first' });
    const last = screen.getByRole('button', { name: 'last' });
    expect(focused()).toBe(first);

    last.focus();
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(focused()).toBe(first);
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(focused()).toBe(last);

    // Focus that escaped (a click behind the overlay) is brought back on the next Tab.
    screen.getByRole('button', { name: 'behind' }).focus();
    fireEvent.keyDown(document.activeElement as Element, { key: 'Tab' });
    expect(focused()).toBe(first);

    fireEvent.keyDown(first, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(focused()).toBe(opener);
  });
});
