import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/api/errors.ts';
import { CloseCode } from '../../../shared/protocol/closeCodes.ts';
import ar from './ar.json';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';
import { type Language, LANGUAGES } from './languages.ts';

const CATALOGUES: Record<Language, Record<string, unknown>> = { en, fr, ar, es };

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const VARIABLE = /\{\{\s*([^,}\s]+)[^}]*\}\}/g;

/** `{ a: { b: "x" } }` → `{ "a.b": "x" }`; anything that is not a string or an object is reported as it is. */
function flatten(tree: Record<string, unknown>, prefix = ''): Map<string, unknown> {
  const flat = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, leaf] of flatten(value as Record<string, unknown>, `${prefix}${key}.`)) flat.set(inner, leaf);
    } else flat.set(`${prefix}${key}`, value);
  }
  return flat;
}

/** Each message, with plural forms ("count_one", "count_other") gathered under their stem. */
function messages(catalogue: Record<string, unknown>): Map<string, { forms: Map<string, string>; plural: boolean }> {
  const byKey = new Map<string, { forms: Map<string, string>; plural: boolean }>();
  for (const [key, value] of flatten(catalogue)) {
    const match = PLURAL_SUFFIX.exec(key);
    const stem = match ? key.slice(0, match.index) : key;
    const entry = byKey.get(stem) ?? { forms: new Map<string, string>(), plural: Boolean(match) };
    entry.forms.set(match ? match[1]! : '', typeof value === 'string' ? value : JSON.stringify(value));
    byKey.set(stem, entry);
  }
  return byKey;
}

const variables = (texts: Iterable<string>) => [...new Set([...texts].flatMap((text) => [...text.matchAll(VARIABLE)].map((found) => found[1]!)))].sort();

const reference = messages(CATALOGUES.en);
const others = LANGUAGES.filter(({ code }) => code !== 'en');

describe('message catalogues', () => {
  it('has a catalogue for every language offered in the switcher', () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual(LANGUAGES.map(({ code }) => code).sort());
  });

  it('holds only strings', () => {
    for (const { code } of LANGUAGES) {
      for (const [key, value] of flatten(CATALOGUES[code])) expect(typeof value, `${code}: ${key}`).toBe('string');
    }
  });

  describe.each(others)('$name ($code)', ({ code }) => {
    const catalogue = messages(CATALOGUES[code]);

    it('has every key of the English catalogue, and no other', () => {
      const missing = [...reference.keys()].filter((key) => !catalogue.has(key));
      const extra = [...catalogue.keys()].filter((key) => !reference.has(key));
      expect(missing, 'missing keys').toEqual([]);
      expect(extra, 'keys English does not have').toEqual([]);
    });

    it('leaves no message empty', () => {
      const empty = [...catalogue].filter(([, { forms }]) => [...forms.values()].some((text) => text.trim() === '')).map(([key]) => key);
      expect(empty).toEqual([]);
    });

    it('uses the same interpolation variables as English in every message', () => {
      const differing = [...reference]
        .filter(([key]) => catalogue.has(key))
        .map(([key, { forms }]) => ({ key, en: variables(forms.values()), [code]: variables(catalogue.get(key)!.forms.values()) }))
        .filter((entry) => JSON.stringify(entry.en) !== JSON.stringify(entry[code]));
      expect(differing).toEqual([]);
    });

    it('has every plural form the language needs (Intl.PluralRules), and plural keys only where English has them', () => {
      const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
      for (const [key, { plural }] of reference) {
        const entry = catalogue.get(key);
        if (!entry) continue;
        expect(entry.plural, `${key} plural`).toBe(plural);
        if (plural) expect([...entry.forms.keys()].sort(), key).toEqual([...categories].sort());
      }
    });
  });

  it('English has the plural forms English needs', () => {
    for (const [key, { plural, forms }] of reference) {
      if (plural) expect([...forms.keys()].sort(), key).toEqual([...new Intl.PluralRules('en').resolvedOptions().pluralCategories].sort());
    }
  });

  it('has a message for every server error code and every close code', () => {
    for (const code of [...ERROR_CODES, 'network', 'unknown']) expect(reference.has(`errors.${code}`), code).toBe(true);
    for (const name of Object.keys(CloseCode)) expect(reference.has(`connection.closed.${name}`), name).toBe(true);
  });

  it('picks Arabic plural forms through i18next', async () => {
    const i18n = createInstance();
    await i18n.init({ lng: 'ar', resources: { ar: { translation: CATALOGUES.ar } }, interpolation: { escapeValue: false } });
    expect(i18n.t('organiser.memberCount', { count: 0 })).toBe('لا أعضاء');
    expect(i18n.t('organiser.memberCount', { count: 2 })).toBe('عضوان');
    expect(i18n.t('organiser.memberCount', { count: 5 })).toBe('5 أعضاء');
    expect(i18n.t('organiser.memberCount', { count: 11 })).toBe('11 عضوًا');
    expect(i18n.t('organiser.memberCount', { count: 100 })).toBe('100 عضو');
    expect(i18n.t('editor.recommendationLabel', { number: 7 })).toBe('التوصية 7');
  });
});
