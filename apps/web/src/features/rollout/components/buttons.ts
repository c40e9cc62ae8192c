/** The buttons of the rollout cockpit and its dialogs. */
const buttonBase =
  'rounded-md px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-sky-500';
export const primaryButton = `${buttonBase} bg-sky-700 text-white hover:bg-sky-800 dark:bg-sky-400 dark:hover:bg-sky-300 dark:text-slate-950`;
export const secondaryButton = `${buttonBase} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800`;
