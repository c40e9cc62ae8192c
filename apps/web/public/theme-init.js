// Applies the saved theme before first paint (no flash of the wrong theme). Mirrors
// src/features/theme/theme.ts; loaded as a plain script so no inline script is needed under CSP.
(() => {
  let preference = null;
  try {
    preference = localStorage.getItem('wheelhouse.theme');
  } catch {
    // storage unavailable: follow the system
  }
  const dark =
    preference === 'dark' || (preference !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
})();
