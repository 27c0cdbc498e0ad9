import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import { chooseLanguage, DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, LANGUAGES, type Language, languageDirection, languageOrDefault } from './languages.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

type Catalogue = Record<string, unknown>;

/**
 * One catalogue per language; en.json is the reference (its keys type `t()`, checked against the others by test) and
 * the fallback, so it comes with the page; each other language is a chunk of its own, loaded when it is needed.
 */
const OTHER_CATALOGUES: Record<Exclude<Language, 'en'>, () => Promise<{ default: Catalogue }>> = {
  fr: () => import('./fr.json'),
  ar: () => import('./ar.json'),
  es: () => import('./es.json'),
};

async function loadCatalogue(language: Language): Promise<Catalogue> {
  return language === 'en' ? en : (await OTHER_CATALOGUES[language]()).default;
}

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
 * (`navigator.languages`), and keeps <html lang dir> in step with it. Resolves once that language's catalogue is in;
 * if it cannot be fetched (offline before the service worker kept it), the interface starts in English.
 */
export async function initI18n(): Promise<typeof i18next> {
  let language = chooseLanguage(storedLanguage(), navigator.languages ?? [navigator.language]);
  const resources: Record<string, { translation: Catalogue }> = { en: { translation: en } };
  try {
    resources[language] = { translation: await loadCatalogue(language) };
  } catch {
    language = DEFAULT_LANGUAGE;
  }
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES.map(({ code }) => code),
    resources,
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
  void ensureCatalogue(language).then(() => i18next.changeLanguage(language));
}

/** Loads a language's catalogue into i18next unless it is in already: `getFixedT` falls back to English without it. */
export async function ensureCatalogue(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  i18next.addResourceBundle(language, 'translation', await loadCatalogue(language));
}
