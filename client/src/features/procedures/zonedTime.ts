import { TZDate } from '@date-fns/tz';
import { intlLocale } from '../../i18n/languages.ts';

/** The instant of a wall-clock time (`<input type="datetime-local">` value) in `timeZone`, ISO 8601 with its offset. */
export function instantOf(localValue: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(localValue);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  return new TZDate(year, month - 1, day, hour, minute, timeZone).toISOString();
}

/** "4 Dec 2026, 18:00" in the reader's language; in `timeZone` when given, else in the reader's own zone. */
export function formatInZone(at: string, language: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(at));
}

/** The zones to choose from, the reader's own first. */
export function timeZones(): string[] {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const all = Intl.supportedValuesOf('timeZone');
  return [own, ...all.filter((zone) => zone !== own)];
}

/** Days, hours and minutes left (rounded up to the minute), for a countdown. */
export function timeLeft(at: string, now: number): { days: number; hours: number; minutes: number } | undefined {
  const ms = Date.parse(at) - now;
  if (ms <= 0) return undefined;
  const totalMinutes = Math.ceil(ms / 60_000);
  return { days: Math.floor(totalMinutes / 1440), hours: Math.floor((totalMinutes % 1440) / 60), minutes: totalMinutes % 60 };
}
