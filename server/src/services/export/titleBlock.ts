import type { LanguageCode } from '../../../../shared/domain/languages.ts';
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
  const agreed = rows.length > 0 && rows.every((row) => row.status === 'agreed' || row.status === 'agreed_with_reservation');
  return {
    event,
    version: `${version.name ?? labels.versionKind[version.kind]}${SEPARATOR}${labels.dateTime(version.at)}`,
    status: adoptedAt ? labels.documentStatus.adoptedOn(labels.date(adoptedAt)) : agreed ? labels.documentStatus.agreed : labels.documentStatus.draft,
    shortTitle: metadata.shortTitle ?? title,
    organisation: metadata.organisation ?? undefined,
  };
}

/** "Second reading · 5 November 2024 at 16:30 · Draft": the line under the workshop line, in every format. */
export function documentInfoLine({ version, status }: TitleBlock): string {
  return `${version}${SEPARATOR}${status}`;
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
