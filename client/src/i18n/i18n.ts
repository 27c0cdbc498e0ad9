import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

/** The one message catalogue of the client. English only for now; French and Arabic add a file each. */
export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    lng: 'en',
    fallbackLng: 'en',
    resources: { en: { translation: en } },
    // React escapes what it renders; escaping here too would show entities in names like "O'Neil".
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18next;
}
