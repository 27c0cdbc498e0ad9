/** The languages Accord speaks: its interface, and the fixed words of its exports. */
export const LANGUAGE_CODES = ['en', 'fr', 'ar', 'es'] as const;

export type LanguageCode = (typeof LANGUAGE_CODES)[number];

/** Each language named in English, for the server's messages to scripts and logs (people read the catalogues). */
export const ENGLISH_LANGUAGE_NAMES: Record<LanguageCode, string> = { en: 'English', fr: 'French', ar: 'Arabic', es: 'Spanish' };

/**
 * The locale handed to Intl for dates, times and numbers, in the interface and in exports. Arabic uses Western digits,
 * as UN and League of Arab States documents do, so counts and dates read like the document's own recommendation
 * numbers (which are the document's, shown the same to every reader and in every export).
 */
export function intlLocale(language: string): string {
  return language === 'ar' ? 'ar-u-nu-latn' : language;
}
