import { intlLocale } from './languages.ts';

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
