import type { LanguageCode } from '../../../shared/domain/languages.ts';

export type Language = LanguageCode;
export type Direction = 'ltr' | 'rtl';

/** The interface languages, each named in itself so a person finds their own without reading another. */
export const LANGUAGES: readonly { code: Language; name: string; dir: Direction }[] = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'es', name: 'Español', dir: 'ltr' },
];

export const DEFAULT_LANGUAGE: Language = 'en';

/** The localStorage key of the language a person picked on this browser. */
export const LANGUAGE_STORAGE_KEY = 'accord.language';

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((language) => language.code === value);
}

/** `value` if Accord speaks it, else English: for i18next's current language, which may be any tag it was given. */
export function languageOrDefault(value: unknown): Language {
  return isLanguage(value) ? value : DEFAULT_LANGUAGE;
}

/** A language named in itself ("العربية"), as people look for their own. */
export function languageName(language: Language): string {
  return LANGUAGES.find((candidate) => candidate.code === language)?.name ?? language;
}

export function languageDirection(language: Language): Direction {
  return LANGUAGES.find((candidate) => candidate.code === language)?.dir ?? 'ltr';
}

/**
 * The language to show: the one picked on this browser, else the first of the browser's preferred languages that
 * Accord speaks ("fr-MA" → French, "ar-IQ" → Arabic), else English.
 */
export function chooseLanguage(stored: string | null | undefined, preferred: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

export { intlLocale } from '../../../shared/domain/languages.ts';
