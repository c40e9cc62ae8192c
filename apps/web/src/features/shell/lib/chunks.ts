const encoder = new TextEncoder();

/**
 * Splits `text` into pieces of at most `maxBytes` UTF-8 bytes, never inside a character (a
 * surrogate pair stays whole), so a huge paste reaches the shell in order and unchanged.
 */
export function chunkUtf8(text: string, maxBytes: number): string[] {
  if (encoder.encode(text).length <= maxBytes) return text === '' ? [] : [text];
  const chunks: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) ?? 0;
    const width = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    const units = code >= 0x10000 ? 2 : 1;
    if (bytes + width > maxBytes) {
      chunks.push(text.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += width;
    i += units - 1;
  }
  if (start < text.length) chunks.push(text.slice(start));
  return chunks;
}
