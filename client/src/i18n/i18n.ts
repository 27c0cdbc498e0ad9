import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './ar.json';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';
import { chooseLanguage, DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, type Language, languageDirection, languageOrDefault } from './languages.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

/** One catalogue per language; en.json is the reference (its keys type `t()`), the others are checked against it by test. */
export const CATALOGUES: Record<Language, Record<string, unknown>> = { en, fr, ar, es };

function storedLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage disabled: the browser's preference still applies
  }
}

/** Puts `lang` and `dir` on <html>, so the whole chrome mirrors in Arabic; the document sets its own per block. */
function applyToPage(language: string): void {
  const code = languageOrDefault(language);
  document.documentElement.lang = code;
  document.documentElement.dir = languageDirection(code);
}

/**
 * Starts the message catalogues in the language picked on this browser, or else the browser's own preference
 * (`navigator.languages`), and keeps <html lang dir> in step with it.
 */
export function initI18n(): typeof i18next {
  const language = chooseLanguage(storedLanguage(), navigator.languages ?? [navigator.language]);
  void i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: Object.keys(CATALOGUES),
    resources: Object.fromEntries(Object.entries(CATALOGUES).map(([code, translation]) => [code, { translation }])),
    // React escapes what it renders; escaping here too would show entities in names like "O'Neil".
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  applyToPage(language);
  i18next.on('languageChanged', applyToPage);
  return i18next;
}

/** Switches the interface language and remembers it on this browser. */
export function changeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // not remembered, but still switched
  }
  void i18next.changeLanguage(language);
}
