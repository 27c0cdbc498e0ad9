import type { SilenceProcedure } from '../../../../shared/api/procedures.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';

/** Dates in the export's language, with Western digits in Arabic as the rest of Accord's exports print numbers. */
const LOCALES: Record<LanguageCode, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ar: 'ar-u-nu-latn' };

interface SilenceWords {
  open(until: string): string;
  adopted(on: string): string;
  broken(delegation: string, on: string): string;
}

const WORDS: Record<LanguageCode, SilenceWords> = {
  en: {
    open: (until) => `Under silence procedure until ${until}`,
    adopted: (on) => `Adopted under silence procedure on ${on}`,
    broken: (delegation, on) => `Silence procedure: silence broken by ${delegation} on ${on}; not adopted`,
  },
  fr: {
    open: (until) => `En procédure d’approbation tacite jusqu’au ${until}`,
    adopted: (on) => `Adopté selon la procédure d’approbation tacite le ${on}`,
    broken: (delegation, on) => `Procédure d’approbation tacite\u00a0: silence rompu par ${delegation} le ${on}\u00a0; non adopté`,
  },
  es: {
    open: (until) => `En procedimiento de acuerdo tácito hasta el ${until}`,
    adopted: (on) => `Aprobado por procedimiento de acuerdo tácito el ${on}`,
    broken: (delegation, on) => `Procedimiento de acuerdo tácito: silencio roto por ${delegation} el ${on}; no aprobado`,
  },
  ar: {
    open: (until) => `قيد إجراء الموافقة الضمنية حتى ${until}`,
    adopted: (on) => `اعتُمد بإجراء الموافقة الضمنية في ${on}`,
    broken: (delegation, on) => `إجراء الموافقة الضمنية: كسر ${delegation} الصمت في ${on}؛ لم يُعتمد`,
  },
};

/**
 * The status line an export prints under its title for the document's latest silence procedure (none for a withdrawn
 * one): the date is the procedure's, in the organiser's time zone, named so that readers elsewhere know which day.
 */
export function silenceStatusLine(silence: SilenceProcedure | undefined, language: LanguageCode): string | undefined {
  if (!silence || silence.status === 'withdrawn') return undefined;
  const date = (at: string) =>
    `${new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeStyle: 'short', timeZone: silence.timeZone }).format(new Date(at))} (${silence.timeZone})`;
  const words = WORDS[language];
  switch (silence.status) {
    case 'open':
      return words.open(date(silence.deadline));
    case 'adopted':
      return words.adopted(date(silence.settledAt ?? silence.deadline));
    case 'broken':
      return words.broken(silence.brokenBy?.delegation ?? '', date(silence.settledAt ?? silence.deadline));
  }
}
