import type { JSONContent } from '@tiptap/core';

const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const heading = (level: number, value: string): JSONContent => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const recommendation = (id: string, ...paragraphs: string[]): JSONContent => ({
  type: 'recommendation',
  attrs: { id },
  content: paragraphs.map((value) => paragraph(text(value))),
});

/** The demo document seeded on first start: a realistic draft the workshop could be negotiating. */
export const DEMO_TITLE = 'Draft recommendations — Managing migration flows and foreign terrorist fighters';

export const DEMO_DELEGATIONS = [
  { delegation: 'Spain', role: 'delegate' },
  { delegation: 'Morocco', role: 'delegate' },
  { delegation: 'Lebanon', role: 'delegate' },
  { delegation: 'France', role: 'delegate' },
  { delegation: 'Rapporteurs', role: 'rapporteur' },
  { delegation: 'Observers', role: 'observer' },
] as const;

export const DEMO_CONTENT: JSONContent = {
  type: 'doc',
  content: [
    heading(1, 'Draft recommendations of the regional workshop'),
    paragraph(
      text('Participants from Iraq, Jordan, Lebanon, Egypt, Morocco, Spain and France, with '),
      text('EUROJUST', [{ type: 'bold' }]),
      text(' and '),
      text('EUROPOL', [{ type: 'bold' }]),
      text(', agreed to work on the following recommendations. Text in square brackets is not yet agreed.'),
    ),
    heading(2, '1. Identification and screening'),
    recommendation(
      'demo-rec-screening',
      'Screening at the points of first arrival should combine document checks with interviews conducted by trained officers, with interpretation available in the languages of the persons concerned.',
    ),
    recommendation(
      'demo-rec-vulnerable',
      'Persons in vulnerable situations, in particular unaccompanied children and victims of trafficking, should be identified early and referred to protection services before any security interview.',
    ),
    heading(2, '2. Biometrics and open-source intelligence: safeguards'),
    recommendation(
      'demo-rec-biometrics',
      'Biometric data should be collected only for a defined purpose set out in law, kept no longer than necessary, and shared with third countries only under an agreement that guarantees an adequate level of protection.',
    ),
    recommendation(
      'demo-rec-osint',
      "L'exploitation des sources ouvertes (OSINT) doit être encadrée par la loi, documentée et soumise au contrôle d'une autorité judiciaire indépendante.",
    ),
    heading(2, '3. Judicial cooperation'),
    recommendation(
      'demo-rec-eurojust',
      'Prosecutors should make early use of EUROJUST for coordination meetings and joint investigation teams in cases of foreign terrorist fighters, and of EUROPOL for the analysis of battlefield information.',
    ),
    recommendation(
      'demo-rec-evidence',
      'تعزيز التعاون القضائي في مجال تبادل الأدلة الرقمية مع احترام ضمانات المحاكمة العادلة وحقوق الدفاع.',
    ),
    heading(2, '4. Protection of refugees'),
    recommendation(
      'demo-rec-nonrefoulement',
      'The principle of non-refoulement must be respected in all measures taken against foreign terrorist fighters, including at borders and during extradition proceedings.',
    ),
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [paragraph(text('Access to asylum procedures is preserved for every person.'))] },
        { type: 'listItem', content: [paragraph(text('يجب ضمان حماية اللاجئين وعدم الخلط بينهم وبين المقاتلين الإرهابيين الأجانب.'))] },
      ],
    },
  ],
};
