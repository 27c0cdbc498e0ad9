import { z } from 'zod';
import { LANGUAGE_CODES } from '../domain/languages.ts';

/** The files for people, with tables, annexes and parallel columns. */
export const DOCUMENT_FORMATS = ['docx', 'pdf', 'md', 'html'] as const;

/**
 * Every format of the export endpoint and of the Export menu: the documents, and Akoma Ntoso XML (`akn`) for legal
 * information systems.
 */
export const EXPORT_FORMATS = [...DOCUMENT_FORMATS, 'akn'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * `compilation`: the compilation of proposals, a table per recommendation of every delegation's open proposals (DOCX,
 * PDF and HTML, the current text only).
 * `clean`: the agreed text alone (proposals neither applied nor shown, brackets printed); `annex`: the clean text followed
 * by an annex of its comment threads (the rapporteurs' report); `review`: the text with proposals marked for reviewing
 * them (in DOCX: tracked changes, with the comment threads as Word comments).
 */
export const EXPORT_KINDS = ['clean', 'annex', 'review', 'compilation'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/**
 * `text=`: which text to export, by language: one code (the source's, or one of its language versions), or two or
 * three codes for a parallel text, one column per language in the order given. Default: the source.
 */
export const ExportTexts = z
  .string()
  .transform((value) => value.split(','))
  .pipe(
    z
      .array(z.enum(LANGUAGE_CODES))
      .min(1)
      .max(3)
      .refine((codes) => new Set(codes).size === codes.length, 'each language at most once'),
  );

/** The query of `GET /api/documents/:id/export`. */
export const ExportQuery = z
  .strictObject({
    format: z.enum(EXPORT_FORMATS),
    kind: z.enum(EXPORT_KINDS).default('clean'),
    /**
     * The language of the words the export adds around the text (labels, annex headings). Default: the language of the
     * (first) exported text, so the English text gets "Recommendation" whoever exports it.
     */
    lang: z.enum(LANGUAGE_CODES).optional(),
    text: ExportTexts.optional(),
    /** A version id (see the versions API) to export that version instead of the current text. */
    version: z.string().min(1).max(100).optional(),
  })
  // One Akoma Ntoso document is one expression: one language, and the text without an annex.
  .refine((query) => query.format !== 'akn' || query.kind !== 'annex', { message: 'Akoma Ntoso has no annex kind (clean or review)', path: ['kind'] })
  .refine((query) => query.format !== 'akn' || (query.text ?? []).length <= 1, { message: 'Akoma Ntoso exports one language', path: ['text'] })
  .refine((query) => query.kind !== 'compilation' || ['docx', 'pdf', 'html'].includes(query.format), {
    message: 'The compilation of proposals is exported as docx, pdf or html',
    path: ['format'],
  })
  .refine((query) => query.kind !== 'compilation' || (query.text === undefined && query.version === undefined), {
    message: 'The compilation of proposals is of the current source text',
    path: ['kind'],
  });
export type ExportQuery = z.infer<typeof ExportQuery>;
