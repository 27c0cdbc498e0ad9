import { describe, expect, it } from 'vitest';
import { textDirection } from './textDirection.ts';

describe('textDirection', () => {
  it('reads Arabic as right-to-left', () => {
    expect(textDirection('تعزيز التعاون القضائي')).toBe('rtl');
  });

  it('reads English, French and Spanish as left-to-right', () => {
    expect(textDirection('Screening at the points')).toBe('ltr');
    expect(textDirection("L'exploitation des sources")).toBe('ltr');
    expect(textDirection('¿Cómo proteger?')).toBe('ltr');
  });

  it('follows the first strong character in mixed text', () => {
    expect(textDirection('2024 — التعاون with EUROJUST')).toBe('rtl');
    expect(textDirection('EUROJUST و EUROPOL')).toBe('ltr');
  });

  it('falls back when no character is strong', () => {
    expect(textDirection('12. — ()')).toBe('ltr');
    expect(textDirection('', 'rtl')).toBe('rtl');
  });
});
