import { francAll } from 'franc-min';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import { textDirection } from '../../../../shared/editor/textDirection.ts';

/** The Latin-script languages Accord exports, as franc names them (ISO 639-3). */
const LATIN: Record<string, LanguageCode> = { eng: 'en', fra: 'fr', spa: 'es' };

/** Fewer letters than this say too little about their language: a heading "Screening", a list item "third". */
const MIN_LETTERS = 12;

/**
 * How close (franc's score relative to the best, 0–1) the text's own language must come to keep it: a passage is only
 * tagged otherwise when it clearly reads as another language ("Persons in vulnerable situations should be:" scores
 * 0.99 for French, and stays English in an English text; a French sentence in it scores about 0.6 for English).
 */
const KEEP_SCORE = 0.9;

/**
 * The language of one passage (a paragraph, heading or list item) of a text in `textLanguage`: Arabic when it reads
 * right-to-left (its first strong character, as its direction), else English, French or Spanish by franc's trigram
 * model when the passage clearly reads as one of them, else the text's own language. Word's spell-check and
 * hyphenation follow it.
 */
export function passageLanguage(text: string, textLanguage: LanguageCode): LanguageCode {
  if (textDirection(text) === 'rtl') return 'ar';
  if ((text.match(/\p{L}/gu) ?? []).length < MIN_LETTERS) return textLanguage;
  const scores = francAll(text, { only: Object.keys(LATIN), minLength: 1 });
  const best = LATIN[scores[0]?.[0] ?? ''];
  if (!best) return textLanguage;
  const own = scores.find(([code]) => LATIN[code] === textLanguage)?.[1] ?? 0;
  return own >= KEEP_SCORE ? textLanguage : best;
}
