/**
 * One colour per pod of a view, in the order the view met them (so three pods get three different
 * colours), each readable on the viewer's dark background (WCAG AA against slate-950).
 */
const COLOURS = [
  '#7dd3fc', // sky-300
  '#fcd34d', // amber-300
  '#86efac', // green-300
  '#f9a8d4', // pink-300
  '#c4b5fd', // violet-300
  '#fdba74', // orange-300
  '#5eead4', // teal-300
  '#fca5a5', // red-300
  '#bef264', // lime-300
  '#a5b4fc', // indigo-300
];

export function podColour(index: number): string {
  return COLOURS[((index % COLOURS.length) + COLOURS.length) % COLOURS.length] ?? '#e2e8f0';
}
