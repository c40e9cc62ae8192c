/** Room each column without a fixed width (NAME, IMAGES…) keeps before the table scrolls sideways. */
const FLEXIBLE_COLUMN_REM = 12;
/**
 * A glyph of the table's text-sm at its widest usual (DejaVu Sans, Linux's fallback, draws digits
 * and parentheses at ~9.5 px): sizing to this keeps `12 (125m ago)` whole where the font is wider.
 */
const CHAR_REM = 0.6;
/** The cells' px-3 on both sides. */
const CELL_PADDING_REM = 1.5;

/**
 * A column's width that fits `sample`, its usual longest value, like kubectl sizes a column to its
 * content; `extraRem` for what the cell draws besides the text (STATUS's dot). Rounded up to 0.5rem.
 */
export function fitWidth(sample: string, extraRem = 0): string {
  const rem = sample.length * CHAR_REM + CELL_PADDING_REM + extraRem;
  return `${Math.ceil(rem * 2) / 2}rem`;
}

/**
 * The table's min-width: its fixed columns plus room for the flexible ones. With table-layout:
 * fixed a flexible column would otherwise shrink to nothing on a narrow screen.
 */
export function tableMinWidth(widths: readonly (string | undefined)[]): string {
  let rem = 0;
  for (const width of widths) {
    const match = width === undefined ? null : /^([\d.]+)rem$/.exec(width);
    rem += match ? Number(match[1]) : FLEXIBLE_COLUMN_REM;
  }
  return `${Math.max(rem, 48)}rem`;
}
