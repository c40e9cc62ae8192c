import { screen, within } from '@testing-library/react';

/** The text of each cell of the row with data-testid `rowId`, in column order. */
export const cellTexts = (rowId: string) =>
  within(screen.getByTestId(rowId))
    .getAllByRole('cell')
    .map((c) => c.textContent);

/** The column headers' text, without the sort arrow of the sorted one. */
export const headerTexts = () =>
  screen.getAllByRole('columnheader').map((h) => h.textContent?.replace(/[▲▼]/g, ''));

/** The data-testid of each body row in `scope` (the page by default), in the order shown. */
export const rowIds = (scope: Pick<typeof screen, 'getAllByRole'> = screen) =>
  scope
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.getAttribute('data-testid'));
