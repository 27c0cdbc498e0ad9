import { type StableNumber, formatStableNumber } from '../../../shared/domain/stableNumbers.ts';
import { intlLocale, languageOrDefault } from './languages.ts';

/** A date and time in the interface's language, e.g. "3 Dec 2026, 14:05" or "3 déc. 2026, 14:05". */
export function formatDateTime(date: string | Date, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(date));
}

/** A date alone in the interface's language. */
export function formatDate(date: string | Date, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium' }).format(new Date(date));
}

/** A number in the interface's language ("1,234" / "1 234"). */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language)).format(value);
}

/** A recommendation's stable number as readers of the interface's language write it: "4bis", "4 مكرراً" (ADR 0008). */
export function formatRecommendationNumber(number: StableNumber, language: string): string {
  return formatStableNumber(number, languageOrDefault(language));
}
