import { describe, expect, it } from 'vitest';
import { LANGUAGE_CODES } from '../../../shared/domain/languages.ts';
import { LANGUAGES, chooseLanguage, intlLocale, languageDirection, languageOrDefault } from './languages.ts';

describe('LANGUAGES', () => {
  it('offers every language Accord speaks (the exports speak the same), once each', () => {
    expect(LANGUAGES.map((language) => language.code).sort()).toEqual([...LANGUAGE_CODES].sort());
  });
});

describe('languageOrDefault', () => {
  it('keeps a language Accord speaks and falls back to English for any other tag', () => {
    expect(languageOrDefault('ar')).toBe('ar');
    expect(languageOrDefault('fr-FR')).toBe('en');
    expect(languageOrDefault(undefined)).toBe('en');
  });
});

describe('chooseLanguage', () => {
  it('keeps the language picked on this browser', () => {
    expect(chooseLanguage('ar', ['fr-FR', 'en'])).toBe('ar');
  });

  it('otherwise takes the first browser language Accord speaks, by its base language', () => {
    expect(chooseLanguage(null, ['de-DE', 'fr-MA', 'en'])).toBe('fr');
    expect(chooseLanguage(null, ['ar-IQ'])).toBe('ar');
    expect(chooseLanguage('xx', ['es-ES'])).toBe('es');
  });

  it('falls back to English', () => {
    expect(chooseLanguage(undefined, ['de', 'it'])).toBe('en');
    expect(chooseLanguage(null, [])).toBe('en');
  });
});

describe('directions and locales', () => {
  it('mirrors Arabic only', () => {
    expect(languageDirection('ar')).toBe('rtl');
    expect(languageDirection('fr')).toBe('ltr');
  });

  it('formats Arabic dates with Western digits, like the document numbering', () => {
    const date = new Intl.DateTimeFormat(intlLocale('ar'), { dateStyle: 'medium' }).format(new Date('2026-12-03T12:00:00Z'));
    expect(date).toMatch(/2026/);
  });
});
