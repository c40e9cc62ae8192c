/** Button styles shared by dialogs and pages. */
const buttonBase =
  'rounded-md px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500';
export const primaryButton = `${buttonBase} bg-sky-700 text-white hover:bg-sky-800 dark:bg-sky-400 dark:hover:bg-sky-300 dark:text-slate-950`;
export const secondaryButton = `${buttonBase} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800`;
export const dangerButton = `${buttonBase} bg-rose-700 text-white hover:bg-rose-800 dark:bg-rose-500 dark:hover:bg-rose-400 dark:text-slate-950`;
/** Small buttons inside sections (Reveal, Download, Edit keys). */
export const smallButton =
  'rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-500 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800';
