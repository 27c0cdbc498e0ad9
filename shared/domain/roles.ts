/** The roles an invite can carry, from most to least powerful. */
export const ROLES = ['organiser', 'rapporteur', 'delegate', 'observer'] as const;
export type Role = (typeof ROLES)[number];
