import { type LanguageCode, intlLocale } from '../../../../shared/domain/languages.ts';

/**
 * The language tag of an export's text, as Word's `w:lang` takes it: spell-check and hyphenation follow it. British
 * English, as the UN and the EU write it.
 */
export const WORD_LANGUAGE: Record<LanguageCode, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ar: 'ar-SA' };

/**
 * The locale Intl formats an export's dates in: the same tag ("4–6 November 2024", not the American "November 4 – 6"),
 * except Arabic, which keeps the interface's Gregorian calendar and Western digits (ar-SA alone would print Hijri dates).
 */
export function exportIntlLocale(language: LanguageCode): string {
  return language === 'ar' ? intlLocale(language) : WORD_LANGUAGE[language];
}
