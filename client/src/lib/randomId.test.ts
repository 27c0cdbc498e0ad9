import { describe, expect, it } from 'vitest';
import { randomId } from './randomId.ts';

describe('randomId', () => {
  it('gives hex of twice the requested bytes, different every time', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => randomId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(randomId(4)).toMatch(/^[0-9a-f]{8}$/);
  });
});
