/** Class names shared by the log views' controls. */
export const controlLabel = 'flex items-center gap-1.5 text-slate-700 text-sm dark:text-slate-300';
export const selectClass =
  'rounded border border-slate-300 bg-white px-2 py-1 text-xs dark:border-slate-600 dark:bg-slate-900';
export const toggleButton = (pressed: boolean) =>
  `rounded border px-2 py-1 text-xs ${
    pressed
      ? 'border-sky-600 bg-sky-50 text-sky-900 dark:border-sky-400 dark:bg-sky-950/60 dark:text-sky-100'
      : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-300'
  }`;
export const noticeBox =
  'rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 text-sm dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-100';
export const errorBox =
  'rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900 text-sm dark:border-red-700/60 dark:bg-red-950/40 dark:text-red-200';
