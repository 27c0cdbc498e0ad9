import { z } from 'zod';

/** Stable machine codes of API errors; the client maps them to translated messages. */
export const ERROR_CODES = [
  'bad_request',
  /** A moment that must be ahead (a silence procedure's deadline) has already passed, read in the zone given with it. */
  'not_in_future',
  'unauthorized',
  'forbidden',
  /** A delegate tried to open a thread or make a proposal after the document's deadline for proposals and comments. */
  'deadline_passed',
  'not_found',
  'conflict',
  /** The text was adopted under silence procedure: its deadline and silence procedure are settled for good. */
  'already_adopted',
  /** A translator invite for a language the document has no version in yet. */
  'no_language_version',
  'payload_too_large',
  'rate_limited',
  'internal',
  'unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
