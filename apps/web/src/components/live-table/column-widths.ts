/** Room each column without a fixed width (NAME, IMAGES…) keeps before the table scrolls sideways. */
const FLEXIBLE_COLUMN_REM = 12;

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
