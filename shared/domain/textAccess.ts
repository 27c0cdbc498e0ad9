import type { LanguageCode } from './languages.ts';
import { can } from './policy.ts';
import type { Role } from './roles.ts';

/** Which text of a document: its source, or one of its language versions. */
export type TextId = 'source' | LanguageCode;

/** Someone's standing in a document: their role, and the language a translator translates (null for other roles). */
export interface TextEditor {
  role: Role;
  language: LanguageCode | null;
}

/**
 * Whether `who` may change `text` of a document (in the state `subject`). The source is edited as before (`document.edit`);
 * a language version by organisers and rapporteurs, and by translators of that language only. Delegates comment on
 * versions but do not write them; observers read. A frozen document is read-only in every text.
 */
export function canWriteText(who: TextEditor, text: TextId, subject: { frozen: boolean }): boolean {
  if (subject.frozen) return false;
  if (text === 'source') return can(who.role, 'document.edit', subject);
  if (who.role === 'translator') return who.language === text;
  return who.role === 'organiser' || who.role === 'rapporteur';
}
