import { z } from 'zod';

export const PROCEDURE_LIMITS = {
  /** A statement breaking silence says why in a paragraph or two. */
  statementLength: 4000,
  /** Addresses told by e-mail (delegations' focal points); the bound only keeps junk out. */
  notifyAddresses: 100,
} as const;

/** An IANA time zone name the runtime knows ("Europe/Geneva", "Asia/Amman", "UTC"). */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'not a known time zone');

const DeadlineFields = {
  /** The instant, ISO 8601 with an offset or Z: "2026-12-04T18:00:00+01:00". */
  at: z.iso.datetime({ offset: true }),
  /** The zone the organiser chose: the deadline is also shown in it ("18:00 Geneva time"). */
  timeZone: TimeZone,
  /** E-mail addresses told (24 h before, and of the outcome) when SMTP is configured; none by default. */
  notify: z.array(z.email()).max(PROCEDURE_LIMITS.notifyAddresses).default([]),
};

/** Body of `PUT /api/documents/:id/deadline`. */
export const SetDeadlineBody = z.strictObject(DeadlineFields);
export type SetDeadlineBody = z.infer<typeof SetDeadlineBody>;

/** Body of `POST /api/documents/:id/silence`: the deadline of the silence procedure. */
export const OpenSilenceBody = z.strictObject(DeadlineFields);
export type OpenSilenceBody = z.infer<typeof OpenSilenceBody>;

/** Body of `POST /api/documents/:id/silence/break`. */
export const BreakSilenceBody = z.strictObject({
  statement: z.string().trim().min(1).max(PROCEDURE_LIMITS.statementLength),
});
export type BreakSilenceBody = z.infer<typeof BreakSilenceBody>;

export const ProcedureActor = z.object({ name: z.string(), delegation: z.string() });
export type ProcedureActor = z.infer<typeof ProcedureActor>;

/** The deadline for proposals and comments: after `at`, delegates may no longer open threads or make proposals. */
export const Deadline = z.object({
  at: z.string(),
  timeZone: z.string(),
  setBy: ProcedureActor,
  setAt: z.string(),
  notify: z.array(z.string()),
});
export type Deadline = z.infer<typeof Deadline>;

export const SILENCE_STATUSES = ['open', 'adopted', 'broken', 'withdrawn'] as const;
export type SilenceStatus = (typeof SILENCE_STATUSES)[number];

/** A silence procedure on a frozen version; the latest one of a document is what it shows. */
export const SilenceProcedure = z.object({
  id: z.string(),
  status: z.enum(SILENCE_STATUSES),
  /** The frozen version whose text is put to silence. */
  versionId: z.string(),
  deadline: z.string(),
  timeZone: z.string(),
  openedBy: ProcedureActor,
  openedAt: z.string(),
  notify: z.array(z.string()),
  /** When it was adopted (the deadline), broken or withdrawn; null while open. */
  settledAt: z.string().nullable(),
  /** Who broke silence and why; null unless broken. */
  brokenBy: ProcedureActor.nullable(),
  statement: z.string().nullable(),
});
export type SilenceProcedure = z.infer<typeof SilenceProcedure>;

/** `GET /api/documents/:id/procedures`, and the live channel's `procedures` event. */
export const DocumentProcedures = z.object({
  deadline: Deadline.nullable(),
  silence: SilenceProcedure.nullable(),
});
export type DocumentProcedures = z.infer<typeof DocumentProcedures>;

/**
 * Server-Sent Events of `GET /api/documents/:id/events`: `procedures` (a DocumentProcedures) once at the start and
 * again each time the deadline or the silence procedure changes, including when the server settles it.
 */
export const PROCEDURE_EVENTS = { snapshot: 'procedures' } as const;
