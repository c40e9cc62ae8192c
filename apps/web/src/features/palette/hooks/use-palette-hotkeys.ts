import { useEffect, useRef } from 'react';
import { isPaletteChord, isTextEntry, modalOpen } from '../lib/typing-target';

/**
 * Opens the palette on Ctrl-K / Cmd-K and on `:` (as in k9s), anywhere but where text is typed
 * or while another dialog is open. The key is consumed only when the palette opens.
 */
export function usePaletteHotkeys(open: () => void): void {
  const latest = useRef(open);
  latest.current = open;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || isTextEntry(event.target)) return;
      const colon = event.key === ':' && !event.ctrlKey && !event.metaKey && !event.altKey;
      if (!colon && !isPaletteChord(event)) return;
      if (modalOpen(document)) return;
      event.preventDefault();
      latest.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
