import { describe, expect, it } from 'vitest';
import { numberParameters, slotValues } from './sqlParameters.ts';

describe('numberParameters', () => {
  it('numbers positional parameters in order', () => {
    expect(numberParameters('UPDATE t SET a = ? WHERE id = ?')).toEqual({ text: 'UPDATE t SET a = $1 WHERE id = $2', slots: [0, 1] });
  });

  it('gives a name used twice one number', () => {
    const { text, slots } = numberParameters('INSERT INTO u VALUES (@doc, (SELECT MAX(seq) FROM u WHERE d = @doc), @data)');
    expect(text).toBe('INSERT INTO u VALUES ($1, (SELECT MAX(seq) FROM u WHERE d = $1), $2)');
    expect(slots).toEqual(['doc', 'data']);
  });

  it('leaves literals, quoted identifiers and comments alone', () => {
    const sql = `SELECT '?', 'it''s @x', "we?ird" FROM t -- why? @y\nWHERE a = ?`;
    expect(numberParameters(sql).text).toBe(`SELECT '?', 'it''s @x', "we?ird" FROM t -- why? @y\nWHERE a = $1`);
  });
});

describe('slotValues', () => {
  it('takes positional and named arguments', () => {
    expect(slotValues([1, 0], ['a', 'b'])).toEqual(['b', 'a']);
    expect(slotValues(['x', 'y', 'x'], [{ x: 1, y: null }])).toEqual([1, null, 1]);
  });

  it('refuses a missing value rather than storing NULL', () => {
    expect(() => slotValues(['x'], [{}])).toThrow('@x');
    expect(() => slotValues([0, 1], ['only one'])).toThrow('parameter 2');
  });
});
