/** A revealed Secret value: its bytes, and its text when the bytes are valid UTF-8. */
export interface DecodedValue {
  bytes: Uint8Array;
  text: string | undefined;
}

/** Decodes the base64 the reveal endpoint returns; binary (non-UTF-8) values have no `text`. */
export function decodeSecretValue(base64: string): DecodedValue {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  let text: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = undefined;
  }
  return { bytes, text };
}

/** `de ad be ef …`, 16 bytes a line, for showing binary values. */
export function hexDump(bytes: Uint8Array, limit = 4096): string {
  const lines: string[] = [];
  const shown = Math.min(bytes.length, limit);
  for (let offset = 0; offset < shown; offset += 16) {
    const chunk = Array.from(bytes.subarray(offset, Math.min(offset + 16, shown)), (b) =>
      b.toString(16).padStart(2, '0'),
    );
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${chunk.join(' ')}`);
  }
  if (bytes.length > shown) lines.push(`… ${bytes.length - shown} more bytes`);
  return lines.join('\n');
}

/** "1.2 KiB": sizes of values, as the base64 length would mislead. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** The decoded size of a base64 string (ConfigMap binaryData). */
export function base64Size(base64: string): number {
  const clean = base64.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, (clean.length * 3) / 4 - padding);
}
