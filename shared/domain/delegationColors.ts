/**
 * Delegation colours, in the order they are handed out. Each is dark enough for 4.5:1 contrast as text on white and
 * for black text on its 15% tint, so carets' name labels and highlighted text stay readable.
 */
export const DELEGATION_COLORS = [
  '#1d4ed8',
  '#b42318',
  '#047857',
  '#7e22ce',
  '#b45309',
  '#0e7490',
  '#be185d',
  '#4d7c0f',
  '#9a3412',
  '#4338ca',
  '#0f766e',
  '#a21caf',
] as const;

/** The colour of the organisers themselves, who belong to no delegation. */
export const ORGANISER_COLOR = '#334155';

/** The first palette colour no delegation has yet; once all are used, they repeat in order. */
export function nextDelegationColor(taken: readonly string[]): string {
  const free = DELEGATION_COLORS.find((color) => !taken.includes(color));
  return free ?? DELEGATION_COLORS[taken.length % DELEGATION_COLORS.length]!;
}
