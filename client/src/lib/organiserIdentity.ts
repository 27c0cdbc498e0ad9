import type { TFunction } from 'i18next';

/**
 * The organiser token's holder has no personal name or delegation: the server labels them with fixed English words
 * ("Organiser", "Organisers"). The interface shows the role in the reader's language instead of those words.
 */
export function personName(t: TFunction, name: string, isOrganiser: boolean): string {
  return isOrganiser ? t('roles.organiser') : name;
}

/** A delegation's name, or "Organisers" in the reader's language for the organiser. */
export function delegationName(t: TFunction, delegation: string, isOrganiser: boolean): string {
  return isOrganiser ? t('participants.organisers') : delegation;
}
