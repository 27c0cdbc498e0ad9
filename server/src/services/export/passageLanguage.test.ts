import { describe, expect, it } from 'vitest';
import { passageLanguage } from './passageLanguage.ts';

describe('passageLanguage', () => {
  it('finds the language a passage clearly reads as, whatever the text is in', () => {
    const french = "L'exploitation des sources ouvertes doit être encadrée par la loi et soumise au contrôle d'un juge.";
    const spanish = 'Los Estados deberían reforzar la cooperación judicial en materia de pruebas digitales.';
    const english = 'Screening at the points of first arrival should combine document checks with interviews.';
    expect(passageLanguage(french, 'en')).toBe('fr');
    expect(passageLanguage(spanish, 'en')).toBe('es');
    expect(passageLanguage(english, 'fr')).toBe('en');
    expect(passageLanguage(english, 'ar')).toBe('en');
    expect(passageLanguage('تعزيز التعاون القضائي مع احترام حقوق الدفاع.', 'en')).toBe('ar');
  });

  it('keeps the text’s own language for short or ambiguous passages', () => {
    expect(passageLanguage('Screening', 'fr')).toBe('fr');
    expect(passageLanguage('2024–2026', 'es')).toBe('es');
    // Close to French by its letters, but an English text's sentence stays English.
    expect(passageLanguage('Persons in vulnerable situations should be:', 'en')).toBe('en');
  });
});
