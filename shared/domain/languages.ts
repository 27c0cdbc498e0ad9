/** The languages Accord speaks: its interface, and the fixed words of its exports. */
export const LANGUAGE_CODES = ['en', 'fr', 'ar', 'es'] as const;

export type LanguageCode = (typeof LANGUAGE_CODES)[number];
