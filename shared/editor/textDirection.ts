// Strong right-to-left characters: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their presentation forms.
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|\ud802[\udc00-\udfff]|\ud83a[\udc00-\udfff]/;
// Strong left-to-right characters: Latin, Greek, Cyrillic and other letters outside the right-to-left blocks.
const LTR = /[A-Za-z\u00c0-\u02b8\u0370-\u058f\u1e00-\u1fff\u2c00-\ufb1c]/;

export type TextDirection = 'ltr' | 'rtl';

/**
 * The direction of a block, from its first strong character (the Unicode bidi "first strong" rule that `dir=auto`
 * uses), so an Arabic paragraph reads right-to-left and an English one left-to-right in the same document, in the
 * editor and in every export. Text with no strong character falls back to `fallback`.
 */
export function textDirection(text: string, fallback: TextDirection = 'ltr'): TextDirection {
  for (const char of text) {
    if (RTL.test(char)) return 'rtl';
    if (LTR.test(char)) return 'ltr';
  }
  return fallback;
}
