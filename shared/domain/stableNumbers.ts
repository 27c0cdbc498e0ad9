import type { LanguageCode } from './languages.ts';

/**
 * A recommendation's stable number once the numbering is locked (docs/decisions/0008-stable-numbers.md): a base number
 * and a suffix, 0 for none ("4"), 1 for the first inserted after it ("4bis"), 2 for the next ("4ter")…
 */
export interface StableNumber {
  base: number;
  suffix: number;
}

/** One line of the correspondence table a renumbering leaves: a deleted recommendation has no new number. */
export interface Renumbering {
  id: string;
  from: StableNumber;
  to: StableNumber | null;
}

/** Latin multiplicative adverbs, as UN texts (English, French, Spanish) number inserted paragraphs. */
const LATIN = [
  'bis',
  'ter',
  'quater',
  'quinquies',
  'sexies',
  'septies',
  'octies',
  'novies',
  'decies',
  'undecies',
  'duodecies',
  'terdecies',
  'quaterdecies',
  'quindecies',
  'sexdecies',
  'septdecies',
  'octodecies',
  'novodecies',
  'vicies',
];

/**
 * Arabic texts repeat the number with "مكرراً" (repeated) and count further repetitions with ordinal adverbs:
 * 4 مكرراً (4bis), 4 مكرراً ثانياً (4ter), 4 مكرراً ثالثاً (4quater)…
 */
const ARABIC_REPEATED = 'مكرراً';
const ARABIC_ORDINALS = [
  'ثانياً',
  'ثالثاً',
  'رابعاً',
  'خامساً',
  'سادساً',
  'سابعاً',
  'ثامناً',
  'تاسعاً',
  'عاشراً',
  'حادي عشر',
  'ثاني عشر',
  'ثالث عشر',
  'رابع عشر',
  'خامس عشر',
  'سادس عشر',
  'سابع عشر',
  'ثامن عشر',
  'تاسع عشر',
];

/** The number as readers of `language` write it: "4", "4bis", "4ter"; in Arabic "4 مكرراً", "4 مكرراً ثانياً". */
export function formatStableNumber({ base, suffix }: StableNumber, language: LanguageCode): string {
  if (suffix === 0) return String(base);
  if (language === 'ar') {
    const ordinal = suffix === 1 ? '' : (ARABIC_ORDINALS[suffix - 2] ?? `(${suffix})`);
    return `${base} ${ARABIC_REPEATED}${ordinal ? ` ${ordinal}` : ''}`;
  }
  // Past "vicies" (the 20th) texts have never needed a word; the suffix is then written as its count.
  return `${base}${LATIN[suffix - 1] ?? `-${suffix + 1}`}`;
}

/** Orders stable numbers as readers list them: 3, 4, 4bis, 4ter, 5. */
export function compareStableNumbers(a: StableNumber, b: StableNumber): number {
  return a.base - b.base || a.suffix - b.suffix;
}

const keyOf = ({ base, suffix }: StableNumber) => `${base}:${suffix}`;

/**
 * The numbers of the recommendations the lock finds: 1…N in document order, what readers saw before it.
 */
export function initialNumbers(order: readonly string[]): Map<string, StableNumber> {
  return new Map(order.map((id, index) => [id, { base: index + 1, suffix: 0 }]));
}

/**
 * Numbers for the recommendations of `order` (ids in document order) that have none in `assigned`; no assigned number
 * changes and none is given twice (a deleted recommendation's number stays taken, so the review copy can show it).
 * A new recommendation takes the first free suffix of the base of the nearest numbered one before it: after 4 comes
 * 4bis, then 4ter, also after 4bis. Before the first numbered recommendation the base is 0: "0", then "0bis"…
 */
export function assignStableNumbers(order: readonly string[], assigned: ReadonlyMap<string, StableNumber>): Map<string, StableNumber> {
  const taken = new Set([...assigned.values()].map(keyOf));
  const added = new Map<string, StableNumber>();
  let base = 0;
  for (const id of order) {
    const existing = assigned.get(id) ?? added.get(id);
    if (existing) {
      base = existing.base;
      continue;
    }
    let suffix = base === 0 ? 0 : 1;
    while (taken.has(keyOf({ base, suffix }))) suffix += 1;
    const number = { base, suffix };
    taken.add(keyOf(number));
    added.set(id, number);
  }
  return added;
}

/**
 * The renumbering that turns the locked numbers into 1…N in document order, with the line of every numbered
 * recommendation (deleted ones get none), ordered by their old numbers for the correspondence table.
 */
export function renumber(order: readonly string[], assigned: ReadonlyMap<string, StableNumber>): Renumbering[] {
  const next = initialNumbers(order);
  return [...assigned]
    .map(([id, from]) => ({ id, from, to: next.get(id) ?? null }))
    .sort((a, b) => compareStableNumbers(a.from, b.from));
}

/**
 * What readers are shown for each recommendation of `order`: its locked number, or for one the server has not numbered
 * yet (created offline, or a moment ago) the number it will most likely get, marked provisional. Unlocked, numbers are
 * positions.
 */
export function displayedNumbers(
  order: readonly string[],
  locked: ReadonlyMap<string, StableNumber> | null,
): Map<string, { number: StableNumber; provisional: boolean }> {
  if (!locked) return new Map([...initialNumbers(order)].map(([id, number]) => [id, { number, provisional: false }]));
  const predicted = assignStableNumbers(order, locked);
  return new Map(
    order.map((id) => {
      const number = locked.get(id);
      return [id, number ? { number, provisional: false } : { number: predicted.get(id)!, provisional: true }];
    }),
  );
}
