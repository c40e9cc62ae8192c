import { describe, expect, it } from 'vitest';
import { ansiTokens, stripAnsi } from './ansi';

describe('terminal colours in log lines', () => {
  it('turns SGR colours and bold into styled tokens, in a palette that reads on the dark viewer', () => {
    expect(ansiTokens('ok \u001b[31mfailed\u001b[0m \u001b[1;92mdone\u001b[0m')).toEqual([
      { text: 'ok ' },
      { text: 'failed', fg: '#f87171' },
      { text: ' ' },
      { text: 'done', fg: '#86efac', bold: true },
    ]);
  });

  it('reads 256-colour and true-colour codes', () => {
    expect(ansiTokens('\u001b[38;5;196mx\u001b[38;2;10;20;30my')).toEqual([
      { text: 'x', fg: 'rgb(255, 0, 0)' },
      { text: 'y', fg: 'rgb(10, 20, 30)' },
    ]);
  });

  it('keeps markup as text and drops escapes that are not colours (links, titles, cursor moves)', () => {
    const line =
      '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007 <img src=x onerror=alert(1)>\u001b[2K\u0007';
    expect(stripAnsi(line)).toBe('click <img src=x onerror=alert(1)>');
    expect(ansiTokens('<b>plain</b>')).toEqual([{ text: '<b>plain</b>' }]);
  });
});
