import Anser from 'anser';

/**
 * Terminal colour codes in log lines, as tokens for React to render as text: SGR colours and styles
 * become colours, everything else an escape can do (cursor moves, titles, OSC 8 links) is dropped.
 * Nothing here produces markup: a line holding `<img onerror=…>` stays those characters.
 */
export interface AnsiToken {
  text: string;
  /** CSS colours. */
  fg?: string;
  bg?: string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
}

// The 16 colours, tuned to read on the viewer's dark background (WCAG AA against slate-950): "black"
// text would vanish on it, so it is grey.
const NAMED: Record<string, string> = {
  black: '#94a3b8',
  red: '#f87171',
  green: '#4ade80',
  yellow: '#facc15',
  blue: '#60a5fa',
  magenta: '#e879f9',
  cyan: '#22d3ee',
  white: '#e2e8f0',
  'bright-black': '#cbd5e1',
  'bright-red': '#fca5a5',
  'bright-green': '#86efac',
  'bright-yellow': '#fde047',
  'bright-blue': '#93c5fd',
  'bright-magenta': '#f0abfc',
  'bright-cyan': '#67e8f9',
  'bright-white': '#f8fafc',
};
const NAMED_BG: Record<string, string> = {
  black: '#020617',
  red: '#7f1d1d',
  green: '#14532d',
  yellow: '#713f12',
  blue: '#1e3a8a',
  magenta: '#701a75',
  cyan: '#164e63',
  white: '#475569',
};
const ORDER = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];

/** xterm's 256-colour palette: 16 named, a 6×6×6 cube, 24 greys. */
function palette(n: number, background: boolean): string | undefined {
  if (n < 16) {
    const base = ORDER[n % 8] ?? 'white';
    return background ? NAMED_BG[base] : NAMED[n < 8 ? base : `bright-${base}`];
  }
  if (n < 232) {
    const i = n - 16;
    const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
    return `rgb(${level(Math.floor(i / 36))}, ${level(Math.floor(i / 6) % 6)}, ${level(i % 6)})`;
  }
  if (n < 256) {
    const g = 8 + (n - 232) * 10;
    return `rgb(${g}, ${g}, ${g})`;
  }
  return undefined;
}

function colour(cls: string | null, truecolor: string | null, background: boolean): string | undefined {
  if (!cls) return undefined;
  if (cls === 'ansi-truecolor') return truecolor ? `rgb(${truecolor})` : undefined;
  const p = /^ansi-palette-(\d+)$/.exec(cls);
  if (p) return palette(Number(p[1]), background);
  const name = cls.replace(/^ansi-/, '');
  return background ? NAMED_BG[name.replace(/^bright-/, '')] : NAMED[name];
}

// Operating-system commands (titles, OSC 8 hyperlinks: ESC ] … BEL or ESC \), which anser leaves in
// the text, and any other control character but the tab.
// biome-ignore lint/suspicious/noControlCharactersInRegex: escape sequences are what it removes
const OSC = /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** The line's text and styles. Plain lines (no escape) cost one token and no parsing. */
export function ansiTokens(line: string): AnsiToken[] {
  if (!line.includes('\u001b')) return [{ text: line.replace(CONTROL, '') }];
  const entries = Anser.ansiToJson(line.replace(OSC, ''), { use_classes: true, remove_empty: true });
  const tokens: AnsiToken[] = [];
  for (const e of entries) {
    const text = e.content.replace(CONTROL, '');
    if (!text) continue;
    const token: AnsiToken = { text };
    const fg = colour(e.fg, e.fg_truecolor, false);
    const bg = colour(e.bg, e.bg_truecolor, true);
    if (fg) token.fg = fg;
    if (bg) token.bg = bg;
    for (const d of e.decorations ?? []) {
      if (d === 'bold' || d === 'dim' || d === 'italic' || d === 'underline') token[d] = true;
    }
    tokens.push(token);
  }
  return tokens;
}

/** The line as plain text (search, download, copy). */
export function stripAnsi(line: string): string {
  return ansiTokens(line)
    .map((t) => t.text)
    .join('');
}
