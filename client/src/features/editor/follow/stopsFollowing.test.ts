import { describe, expect, it } from 'vitest';
import { stopsFollowing } from './stopsFollowing.ts';

describe('stopsFollowing', () => {
  it('stops on Escape and the page keys wherever the focus is', () => {
    for (const key of ['Escape', 'PageUp', 'PageDown']) {
      expect(stopsFollowing(key, true)).toBe(true);
      expect(stopsFollowing(key, false)).toBe(true);
    }
  });

  it('stops on arrows, Home, End and Space only outside a text field', () => {
    for (const key of ['ArrowUp', 'ArrowDown', 'Home', 'End', ' ']) {
      expect(stopsFollowing(key, false)).toBe(true);
      expect(stopsFollowing(key, true)).toBe(false);
    }
  });

  it('does not stop on typing', () => {
    expect(stopsFollowing('a', false)).toBe(false);
    expect(stopsFollowing('Enter', true)).toBe(false);
  });
});
