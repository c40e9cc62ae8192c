import type { CSSProperties } from 'react';
import { type AnsiToken, ansiTokens } from '../lib/ansi';
import type { LogLine } from '../lib/log-buffer';
import { type CompiledFilter, markRanges } from '../lib/log-filter';

/** What goes before a line in a view of several pods: `[pod/web-1/app]`, in the pod's colour. */
export interface LinePrefix {
  text: string;
  colour: string;
}

function styleOf(t: AnsiToken): CSSProperties | undefined {
  if (!t.fg && !t.bg && !t.bold && !t.dim && !t.italic && !t.underline) return undefined;
  return {
    color: t.fg,
    backgroundColor: t.bg,
    fontWeight: t.bold ? 700 : undefined,
    opacity: t.dim ? 0.75 : undefined,
    fontStyle: t.italic ? 'italic' : undefined,
    textDecoration: t.underline ? 'underline' : undefined,
  };
}

/**
 * One log line: its prefix, its time when asked, and its text with terminal colours as colours and
 * the filter's matches marked. Everything is rendered as text nodes: markup in a line stays text.
 */
export function LogLineRow({
  line,
  prefix,
  timestamps,
  filter,
}: {
  line: LogLine;
  prefix: LinePrefix | undefined;
  timestamps: boolean;
  filter: CompiledFilter;
}) {
  const tokens = ansiTokens(line.text);
  const ranges = filter.ok && filter.active ? filter.matches(tokens.map((t) => t.text).join('')) : [];
  const pieces = ranges.length > 0 ? markRanges(tokens, ranges) : tokens.map((t) => ({ ...t, match: false }));
  return (
    <>
      {prefix && (
        <span data-testid="log-prefix" style={{ color: prefix.colour }}>
          {prefix.text}{' '}
        </span>
      )}
      {timestamps && line.ts && <span className="text-slate-400">{line.ts} </span>}
      {line.notice ? (
        <span className="text-amber-300 italic">{line.text}</span>
      ) : (
        pieces.map((p, i) =>
          p.match ? (
            <mark key={i} className="rounded-sm bg-yellow-300 text-slate-950">
              {p.text}
            </mark>
          ) : (
            <span key={i} style={styleOf(p)}>
              {p.text}
            </span>
          ),
        )
      )}
    </>
  );
}
