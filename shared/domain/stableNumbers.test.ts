import { describe, expect, it } from 'vitest';
import {
  type StableNumber,
  assignStableNumbers,
  compareStableNumbers,
  displayedNumbers,
  formatStableNumber,
  initialNumbers,
  renumber,
} from './stableNumbers.ts';

const n = (base: number, suffix = 0): StableNumber => ({ base, suffix });
const locked = initialNumbers(['r1', 'r2', 'r3', 'r4', 'r5']);

/** A seeded generator (mulberry32), so a failing sequence can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('formatStableNumber', () => {
  it('writes the Latin suffixes of UN texts in English, French and Spanish', () => {
    const suffixes = ['4', '4bis', '4ter', '4quater', '4quinquies', '4sexies', '4septies', '4octies', '4novies', '4decies'];
    for (const language of ['en', 'fr', 'es'] as const) {
      expect(suffixes.map((_, suffix) => formatStableNumber(n(4, suffix), language))).toEqual(suffixes);
    }
    expect(formatStableNumber(n(4, 19), 'en')).toBe('4vicies');
    expect(formatStableNumber(n(4, 20), 'en')).toBe('4-21');
  });

  it('writes Arabic numbers with مكرراً, counting further repetitions with ordinal adverbs up to the 19th (vicies)', () => {
    const forms: [number, string][] = [
      [0, '4'],
      [1, '4 مكرراً'],
      [2, '4 مكرراً ثانياً'],
      [3, '4 مكرراً ثالثاً'],
      [4, '4 مكرراً رابعاً'],
      [9, '4 مكرراً تاسعاً'],
      [10, '4 مكرراً عاشراً'],
      [11, '4 مكرراً حادي عشر'],
      [19, '4 مكرراً تاسع عشر'],
      [20, '4 مكرراً (20)'],
      [25, '4 مكرراً (25)'],
    ];
    for (const [suffix, form] of forms) expect(formatStableNumber(n(4, suffix), 'ar')).toBe(form);
    // The same insertion in both conventions: vicies is the 19th repetition in both.
    expect([formatStableNumber(n(4, 19), 'en'), formatStableNumber(n(4, 19), 'ar')]).toEqual(['4vicies', '4 مكرراً تاسع عشر']);
    // Digits stay Western and first, so the base reads the same as in the other language versions.
    expect(formatStableNumber(n(12, 2), 'ar').startsWith('12 ')).toBe(true);
  });
});

describe('assignStableNumbers', () => {
  it('numbers a recommendation inserted after 4 as 4bis, the next as 4ter, also when placed after 4bis', () => {
    const first = assignStableNumbers(['r1', 'r2', 'r3', 'r4', 'a', 'r5'], locked);
    expect(first).toEqual(new Map([['a', n(4, 1)]]));
    const withA = new Map([...locked, ...first]);
    expect(assignStableNumbers(['r1', 'r2', 'r3', 'r4', 'a', 'b', 'r5'], withA)).toEqual(new Map([['b', n(4, 2)]]));
    expect(assignStableNumbers(['r1', 'r2', 'r3', 'r4', 'b', 'a', 'r5'], withA)).toEqual(new Map([['b', n(4, 2)]]));
  });

  it('gives two recommendations inserted at the same place in one change distinct numbers, in document order', () => {
    expect(assignStableNumbers(['r1', 'r2', 'r3', 'r4', 'x', 'y', 'r5'], locked)).toEqual(
      new Map([
        ['x', n(4, 1)],
        ['y', n(4, 2)],
      ]),
    );
  });

  it('numbers insertions before 1 from base 0: "0", then "0bis"', () => {
    const zero = assignStableNumbers(['z', ...locked.keys()], locked);
    expect(zero).toEqual(new Map([['z', n(0)]]));
    expect(assignStableNumbers(['z', 'w', ...locked.keys()], new Map([...locked, ...zero]))).toEqual(new Map([['w', n(0, 1)]]));
  });

  it('never reuses a deleted recommendation’s number', () => {
    const withDeleted = new Map([...locked, ['gone', n(2, 1)]]);
    expect(assignStableNumbers(['r1', 'r2', 'new', 'r3', 'r4', 'r5'], withDeleted)).toEqual(new Map([['new', n(2, 2)]]));
  });

  it('keeps every number through random inserts, deletes and moves, and never gives one twice (seeded)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = mulberry32(seed);
      const order = [...locked.keys()];
      const numbers = new Map(locked);
      let next = 0;
      for (let step = 0; step < 40; step++) {
        const action = random();
        if (action < 0.5) order.splice(Math.floor(random() * (order.length + 1)), 0, `new${next++}`);
        else if (action < 0.7 && order.length > 0) order.splice(Math.floor(random() * order.length), 1);
        else if (order.length > 1) order.splice(Math.floor(random() * order.length), 0, ...order.splice(Math.floor(random() * order.length), 1));
        const before = new Map(numbers);
        const added = assignStableNumbers(order, numbers);
        for (const [id, number] of added) numbers.set(id, number);
        for (const [id, number] of before) expect(numbers.get(id), `seed ${seed}`).toEqual(number);
        expect(new Set([...numbers.values()].map((x) => `${x.base}:${x.suffix}`)).size, `seed ${seed}`).toBe(numbers.size);
        for (const id of order) expect(numbers.has(id), `seed ${seed}`).toBe(true);
        for (const [id, number] of added) {
          const previous = order.slice(0, order.indexOf(id)).reverse().find((other) => before.has(other) || (added.has(other) && other !== id));
          expect(number.base, `seed ${seed}`).toBe(previous ? numbers.get(previous)!.base : 0);
        }
      }
    }
  });
});

describe('renumber', () => {
  it('turns the locked numbers into 1…N in document order, listing deleted ones without a new number', () => {
    const numbers = new Map([...locked, ['a', n(4, 1)], ['gone', n(2, 1)]]);
    const rows = renumber(['r1', 'r2', 'r3', 'r4', 'a', 'r5'], numbers);
    expect(rows.map(({ id, to }) => [id, to])).toEqual([
      ['r1', n(1)],
      ['r2', n(2)],
      ['gone', null],
      ['r3', n(3)],
      ['r4', n(4)],
      ['a', n(5)],
      ['r5', n(6)],
    ]);
  });
});

describe('displayedNumbers', () => {
  it('shows positions while unlocked, and a provisional number for what the server has not numbered yet', () => {
    expect(displayedNumbers(['x', 'y'], null).get('y')).toEqual({ number: n(2), provisional: false });
    const shown = displayedNumbers(['r1', 'r2', 'r3', 'r4', 'new', 'r5'], locked);
    expect(shown.get('r5')).toEqual({ number: n(5), provisional: false });
    expect(shown.get('new')).toEqual({ number: n(4, 1), provisional: true });
  });

  it('orders numbers as readers list them', () => {
    expect([n(5), n(4, 2), n(4), n(4, 1)].sort(compareStableNumbers)).toEqual([n(4), n(4, 1), n(4, 2), n(5)]);
  });
});
