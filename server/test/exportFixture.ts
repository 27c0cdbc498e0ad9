import type { JSONContent } from '@tiptap/core';
import { type DocumentMetadata, EMPTY_METADATA } from '../../shared/api/documentMetadata.ts';
import type { AnnexConsensus, Publication } from '../src/services/export/exportModel.ts';

const text = (value: string, ...marks: NonNullable<JSONContent['marks']>): JSONContent => ({
  type: 'text',
  text: value,
  ...(marks.length > 0 ? { marks } : {}),
});
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const heading = (level: number, value: string): JSONContent => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const list = (type: 'bulletList' | 'orderedList', items: string[]): JSONContent => ({
  type,
  content: items.map((item) => ({ type: 'listItem', content: [paragraph(text(item))] })),
});
const recommendation = (...content: JSONContent[]): JSONContent => ({ type: 'recommendation', content });
const link = (href: string) => ({ type: 'link', attrs: { href } });

/** A document using every part of the schema, in English, French and Arabic, for the export tests. */
export const EXPORT_FIXTURE: JSONContent = {
  type: 'doc',
  content: [
    heading(1, 'Recommendations on judicial cooperation'),
    paragraph(
      text('Agreed text is '),
      text('bold', { type: 'bold' }),
      text(', '),
      text('italic', { type: 'italic' }),
      text(' and '),
      text('underlined', { type: 'underline' }),
      text('; see '),
      text('the guide', link('https://example.org/guide')),
      text(' or '),
      text('write to us', link('mailto:rapporteurs@example.org')),
      text('.'),
    ),
    heading(2, 'Screening'),
    recommendation(paragraph(text('Screening should combine document checks with interviews.'))),
    recommendation(
      paragraph(text('Persons in vulnerable situations should be:')),
      list('orderedList', ['identified early;', 'referred to protection services.']),
    ),
    recommendation(paragraph(text("L'exploitation des sources ouvertes doit être encadrée par la loi."))),
    heading(2, 'التعاون القضائي'),
    recommendation(paragraph(text('تعزيز التعاون القضائي مع احترام حقوق الدفاع.'))),
    list('bulletList', ['Access to asylum is preserved.', 'يجب ضمان حماية اللاجئين.']),
    { type: 'blockquote', content: [paragraph(text('Text in square brackets is not yet agreed.'))] },
    paragraph(text('Line one'), { type: 'hardBreak' }, text('line two')),
  ],
};

/** The metadata of a workshop, as an organiser fills it in, for the export and metadata tests. */
export const WORKSHOP_METADATA: DocumentMetadata = {
  eventName: 'CT JUST regional workshop',
  place: 'Málaga',
  startDate: '2024-11-04',
  endDate: '2024-11-06',
  organisation: 'CT JUST',
  shortTitle: 'Draft recommendations',
};

/** The title block's facts for an export of the current text, without the organiser's metadata. */
export const CURRENT_TEXT: Publication = {
  documentId: 'fixture-document',
  metadata: EMPTY_METADATA,
  version: { kind: 'current', name: null, at: '2026-12-02T10:00:00.000Z' },
  adoptedAt: null,
};

/** Two reservations on the demo's third recommendation, one with a note and one without. */
export const DEMO_CONSENSUS: AnnexConsensus[] = [
  {
    recommendationId: 'demo-rec-biometrics',
    status: 'agreed_with_reservation',
    reservations: [
      { delegation: 'Spain', note: 'pending consultation with capital' },
      { delegation: 'Morocco', note: null },
    ],
  },
];
