/**
 * The roles an invite can carry, from most to least powerful. A translator edits one language version (the invite's
 * language) and comments; see `shared/domain/textAccess.ts`.
 */
export const ROLES = ['organiser', 'rapporteur', 'delegate', 'observer', 'translator'] as const;
export type Role = (typeof ROLES)[number];
