import { z } from 'zod';

/** Limits of the metadata fields, shared so the client can say so before the server refuses. */
export const METADATA_LIMITS = { textLength: 200, shortTitleLength: 80 } as const;

/** An optional text field: blank means not given (null). */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((value) => (value ? value : null));

/** A calendar date, YYYY-MM-DD, that exists. */
const calendarDate = z.iso.date().nullable();

/**
 * What the organiser says about a document for its publication: the title block ("CT JUST regional workshop · Málaga ·
 * 4–6 November 2024"), the running header (short title) and the author of the files (the organisation). Every field
 * may be null: an export leaves out what is not given.
 */
export const DocumentMetadata = z
  .strictObject({
    eventName: optionalText(METADATA_LIMITS.textLength),
    place: optionalText(METADATA_LIMITS.textLength),
    startDate: calendarDate,
    endDate: calendarDate,
    organisation: optionalText(METADATA_LIMITS.textLength),
    shortTitle: optionalText(METADATA_LIMITS.shortTitleLength),
  })
  .refine(({ startDate, endDate }) => !startDate || !endDate || startDate <= endDate, {
    message: 'The end date is before the start date.',
    path: ['endDate'],
  });
export type DocumentMetadata = z.infer<typeof DocumentMetadata>;

export const EMPTY_METADATA: DocumentMetadata = {
  eventName: null,
  place: null,
  startDate: null,
  endDate: null,
  organisation: null,
  shortTitle: null,
};
