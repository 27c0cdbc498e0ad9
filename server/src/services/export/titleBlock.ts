import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import type { TextDirection } from '../../../../shared/editor/textDirection.ts';
import { LEFT_TO_RIGHT_MARK, RIGHT_TO_LEFT_MARK } from './directionMarks.ts';
import { exportIntlLocale } from './exportLocale.ts';
import type { ExportLabels } from './exportLabels.ts';
import type { AnnexStatusRow, Publication, TitleBlock } from './exportModel.ts';

/** Separates the parts of the workshop and version lines, as programmes print them. */
export const SEPARATOR = ' · ';

/**
 * The title block's lines. The status says "Adopted on …" once the document is frozen as final, "Agreed text" when
 * every recommendation is agreed (with or without reservations), else "Draft".
 */
export function titleBlock(title: string, publication: Publication, rows: readonly AnnexStatusRow[], labels: ExportLabels, language: LanguageCode): TitleBlock {
  const { metadata, version, adoptedAt } = publication;
  const dates = dateRange(metadata.startDate, metadata.endDate, language);
  const event = [metadata.eventName, metadata.place, dates].filter((part): part is string => Boolean(part));
  const versionParts = [version.name ?? labels.versionKind[version.kind], labels.dateTime(version.at)];
  const agreed = rows.length > 0 && rows.every((row) => row.status === 'agreed' || row.status === 'agreed_with_reservation');
  return {
    event,
    version: versionParts.join(SEPARATOR),
    versionParts,
    status: adoptedAt ? labels.documentStatus.adoptedOn(labels.date(adoptedAt)) : agreed ? labels.documentStatus.agreed : labels.documentStatus.draft,
    shortTitle: metadata.shortTitle ?? title,
    organisation: metadata.organisation ?? undefined,
  };
}

/** "Second reading · 5 November 2024 at 16:30 · Draft": the line under the workshop line, in every format. */
export function documentInfoLine(block: TitleBlock): string {
  return documentInfoParts(block).join(SEPARATOR);
}

/** That line's parts: the version's name (or kind), its date, the status. */
export function documentInfoParts({ versionParts, status }: TitleBlock): string[] {
  return [...versionParts, status];
}

/**
 * The separator between parts of different directions (a Latin event name, an Arabic date): a mark of the line's
 * direction on either side keeps each part's digits and punctuation with it, where the bidi algorithm would join them
 * to the neighbouring part ("Málaga · 4–6" read as one left-to-right run, away from "نوفمبر 2024").
 */
export function markedSeparator(dir: TextDirection): string {
  const mark = dir === 'rtl' ? RIGHT_TO_LEFT_MARK : LEFT_TO_RIGHT_MARK;
  return `${mark}${SEPARATOR}${mark}`;
}

/** The whole title block on one line, for the files' properties (PDF subject, DOCX description). */
export function titleBlockSummary(block: TitleBlock): string {
  return [...block.event, documentInfoLine(block)].join(SEPARATOR);
}

/** "4–6 November 2024" (Intl's own range format in each language); one date alone when only one is given. */
function dateRange(start: string | null, end: string | null, language: LanguageCode): string | undefined {
  // Calendar dates, not instants: formatted in UTC so no time zone moves them to the day before.
  const format = new Intl.DateTimeFormat(exportIntlLocale(language), { dateStyle: 'long', timeZone: 'UTC' });
  const day = (date: string) => new Date(`${date}T00:00:00Z`);
  if (start && end) return format.formatRange(day(start), day(end));
  const only = start ?? end;
  return only ? format.format(day(only)) : undefined;
}
