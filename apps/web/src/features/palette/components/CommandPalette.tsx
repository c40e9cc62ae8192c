import { useState } from 'react';
import { usePaletteHotkeys } from '../hooks/use-palette-hotkeys';
import { PaletteDialog } from './PaletteDialog';

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * "Jump to anything": the header's button, the keys that open the palette anywhere (Ctrl-K or
 * Cmd-K, and `:` as in k9s), and the palette while it is open. Its live lists exist only then.
 */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  usePaletteHotkeys(() => setOpen(true));
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-keyshortcuts={mac ? 'Meta+K' : 'Control+K'}
        data-testid="palette-button"
        className="flex h-8 items-center gap-2 rounded-md border border-slate-300 px-2.5 text-slate-600 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        Jump to…
        <kbd className="rounded border border-slate-300 px-1 font-mono text-[11px] text-slate-500 dark:border-slate-600 dark:text-slate-400">
          {mac ? '⌘K' : 'Ctrl K'}
        </kbd>
      </button>
      {open && <PaletteDialog onClose={() => setOpen(false)} />}
    </>
  );
}
