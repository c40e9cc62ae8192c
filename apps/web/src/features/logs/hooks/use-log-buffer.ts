import { useCallback, useMemo, useRef, useState } from 'react';
import { type IncomingLine, LogBuffer } from '../lib/log-buffer';

/** A view's LogBuffer and a render per batch of lines (the buffer itself is not React state). */
export function useLogBuffer() {
  const buffer = useRef(new LogBuffer());
  const [version, setVersion] = useState(0);
  const add = useCallback((lines: readonly IncomingLine[]) => {
    if (lines.length === 0) return;
    buffer.current.add(lines);
    setVersion((v) => v + 1);
  }, []);
  const clear = useCallback(() => {
    buffer.current.clear();
    setVersion((v) => v + 1);
  }, []);
  // `version` is the buffer's change count: a new snapshot per batch.
  const lines = useMemo(() => buffer.current.snapshot(), [version]);
  return { lines, dropped: buffer.current.dropped, add, clear };
}
