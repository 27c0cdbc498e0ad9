import type { JSONContent } from '@tiptap/core';

// A long negotiated text for export benchmarks and load tests: English, French and Arabic, emphasis, links and lists.
const SENTENCES = [
  'Screening at the points of first arrival should combine document checks with interviews conducted by trained officers.',
  "L'exploitation des sources ouvertes doit être encadrée par la loi, documentée et soumise au contrôle d'une autorité judiciaire.",
  'تعزيز التعاون القضائي في مجال تبادل الأدلة الرقمية مع احترام ضمانات المحاكمة العادلة وحقوق الدفاع.',
];

/** A document of `count` recommendations under a heading every ten, each a paragraph and every third with a list. */
export function longDocument(count: number): JSONContent {
  const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
  const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
  const content: JSONContent[] = [];
  for (let index = 0; index < count; index++) {
    if (index % 10 === 0) content.push({ type: 'heading', attrs: { level: 2 }, content: [text(`Part ${index / 10 + 1}`)] });
    const sentence = SENTENCES[index % SENTENCES.length]!;
    const body: JSONContent[] = [
      paragraph(text(sentence), text(' EUROJUST', [{ type: 'bold' }]), text(' — '), text('guide', [{ type: 'link', attrs: { href: 'https://example.org/guide' } }])),
    ];
    if (index % 3 === 0) {
      body.push({
        type: index % 2 === 0 ? 'orderedList' : 'bulletList',
        content: SENTENCES.map((item) => ({ type: 'listItem', content: [paragraph(text(item, [{ type: 'italic' }]))] })),
      });
    }
    content.push({ type: 'recommendation', content: body });
  }
  return { type: 'doc', content };
}
