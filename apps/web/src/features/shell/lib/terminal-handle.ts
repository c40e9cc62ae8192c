/** What the Shell panel does with its terminal (components/XTerm.tsx implements it over xterm.js). */
export interface TerminalHandle {
  /** Terminal output, as data: escape sequences are interpreted by the terminal, never as markup. */
  write(data: string): void;
  /** A new session: clears the screen and the scrollback. */
  reset(): void;
  focus(): void;
  size(): { cols: number; rows: number };
}
