import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';
import type { TerminalHandle } from '../lib/terminal-handle';

export interface XTermProps {
  ref?: Ref<TerminalHandle>;
  /** Keystrokes and pastes. */
  onData(data: string): void;
  /** The terminal's size changed (the panel was resized, the window too). */
  onResize(cols: number, rows: number): void;
  /** Ctrl+] — the way out of the terminal for the keyboard (Tab belongs to the shell). */
  onLeave(): void;
  /** Called once, when the terminal is open and fitted to its box. */
  onReady(size: { cols: number; rows: number }): void;
  label: string;
}

/**
 * xterm.js in a box that it fills (the fit addon, refitted whenever the box changes size). The
 * terminal renders bytes; the transport is the panel's. Loaded lazily: its chunk is fetched the first
 * time a Shell tab opens. Copy: select, then Ctrl+Shift+C (or the context menu); paste: Ctrl+Shift+V.
 */
export default function XTerm({ ref, onData, onResize, onLeave, onReady, label }: XTermProps) {
  const box = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | null>(null);
  // The latest callbacks, so the terminal is created once per mount.
  const callbacks = useRef({ onData, onResize, onLeave, onReady });
  callbacks.current = { onData, onResize, onLeave, onReady };

  useImperativeHandle(ref, () => ({
    write: (data) => term.current?.write(data),
    reset: () => term.current?.reset(),
    focus: () => term.current?.focus(),
    size: () => ({ cols: term.current?.cols ?? 80, rows: term.current?.rows ?? 24 }),
  }));

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const t = new Terminal({
      cursorBlink: true,
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
      fontSize: 13,
      scrollback: 5000,
      // The accessibility tree and live region: screen readers read the output.
      screenReaderMode: true,
      theme: { background: '#020617', foreground: '#e2e8f0', cursor: '#e2e8f0' },
    });
    const fit = new FitAddon();
    t.loadAddon(fit);
    t.attachCustomKeyEventHandler((e) => {
      if (e.type !== 'keydown') return true;
      if (e.ctrlKey && !e.altKey && !e.metaKey && (e.code === 'BracketRight' || e.key === ']')) {
        e.preventDefault();
        callbacks.current.onLeave();
        return false;
      }
      if (e.ctrlKey && e.shiftKey && e.code === 'KeyC') {
        // Copy, as terminals do; without a selection it does nothing (Ctrl+C stays the interrupt).
        if (t.hasSelection()) void navigator.clipboard?.writeText(t.getSelection()).catch(() => {});
        e.preventDefault();
        return false;
      }
      // Ctrl+Shift+V: not a key for the shell — the browser pastes, and xterm sends the paste.
      return !(e.ctrlKey && e.shiftKey && e.code === 'KeyV');
    });
    t.open(el);
    t.textarea?.setAttribute('aria-label', label);
    fit.fit();
    term.current = t;
    const subs = [
      t.onData((d) => callbacks.current.onData(d)),
      t.onResize(({ cols, rows }) => callbacks.current.onResize(cols, rows)),
    ];
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => fit.fit());
    });
    observer.observe(el);
    callbacks.current.onReady({ cols: t.cols, rows: t.rows });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      for (const s of subs) s.dispose();
      term.current = null;
      t.dispose();
    };
  }, [label]);

  return <div ref={box} data-testid="shell-terminal" className="h-full w-full" />;
}
