import { saveFile } from '../../../lib/save-file';
import { stripAnsi } from './ansi';
import type { LogLine } from './log-buffer';

/** The lines shown, as text: what the viewer prints (prefix, time), without terminal codes. */
export function logText(
  lines: readonly LogLine[],
  opts: { prefix: (line: LogLine) => string; timestamps: boolean },
): string {
  return lines
    .map((l) => {
      const prefix = opts.prefix(l);
      const time = opts.timestamps && l.ts ? `${l.ts} ` : '';
      return `${prefix ? `${prefix} ` : ''}${time}${stripAnsi(l.text)}\n`;
    })
    .join('');
}

/** Saves `text` as a file through the browser's download. */
export function saveText(fileName: string, text: string): void {
  saveFile(fileName, text, 'text/plain;charset=utf-8');
}
