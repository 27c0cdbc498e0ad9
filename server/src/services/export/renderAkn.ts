import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import { isPrinted } from './documentBlocks.ts';
import type { Block, ExportDocument, Inline } from './exportModel.ts';
import type { ExportLabels } from './exportLabels.ts';
import { SEPARATOR } from './titleBlock.ts';

/** The OASIS LegalDocML Akoma Ntoso 3.0 namespace. */
export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** FRBRlanguage takes ISO 639-2 alpha-3 codes. */
const AKN_LANGUAGE: Record<LanguageCode, string> = { en: 'eng', fr: 'fra', es: 'spa', ar: 'ara' };

/**
 * The FRBR country of the work: a workshop's recommendations belong to no one state, so the naming convention's
 * placeholder for an international body is used rather than the host's code.
 */
const AKN_COUNTRY = 'int';

/**
 * An Akoma Ntoso 3.0 `doc` named "recommendations": FRBR identification (Work = the document, Expression = this text
 * in its language at its version's date, Manifestation = this XML file), the title block as the preface, headings as
 * nested `section`s, each recommendation as a `paragraph` with its `num` (the label, its reservations as
 * `authorialNote`s) and an `eId` from its stable id, other text as `hcontainer name="text"` inside sections. Bracketed
 * text is `<inline name="bracketed">` inside its square brackets; a review copy's proposals are `ins` and `del`.
 */
export function renderAkn(document: ExportDocument, exportedAt = new Date().toISOString()): string {
  const { publication, titleBlock, labels } = document;
  const language = document.textLanguage;
  const day = (iso: string) => iso.slice(0, 10);
  const expressionDate = day(publication.version.at);
  const workDate = publication.metadata.startDate ?? expressionDate;
  const work = `/akn/${AKN_COUNTRY}/doc/recommendations/${workDate}/${publication.documentId}`;
  const expression = `${work}/${AKN_LANGUAGE[language]}@${expressionDate}`;

  const root = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' }).ele(AKN_NAMESPACE, 'akomaNtoso');
  const doc = root.ele('doc', { name: 'recommendations' });
  const identification = doc.ele('meta').ele('identification', { source: '#accord' });
  const frbr = (element: string, uri: string, thisValue: string, date: string, dateName: string, author: string) => {
    const node = identification.ele(element);
    node.ele('FRBRthis', { value: thisValue });
    node.ele('FRBRuri', { value: uri });
    node.ele('FRBRdate', { date, name: dateName });
    node.ele('FRBRauthor', { href: author });
    return node;
  };
  frbr('FRBRWork', work, `${work}/!main`, workDate, publication.metadata.startDate ? 'workshop' : 'version', '#organisation').ele('FRBRcountry', {
    value: AKN_COUNTRY,
  });
  frbr('FRBRExpression', expression, `${expression}/!main`, expressionDate, 'version', '#organisation').ele('FRBRlanguage', {
    language: AKN_LANGUAGE[language],
  });
  frbr('FRBRManifestation', `${expression}.akn`, `${expression}/!main.xml`, day(exportedAt), 'export', '#accord');
  const references = identification.up().ele('references', { source: '#accord' });
  references.ele('TLCOrganization', { eId: 'accord', href: '/ontology/organization/accord', showAs: 'Accord' });
  const organisation = titleBlock.organisation ?? 'Accord';
  references.ele('TLCOrganization', { eId: 'organisation', href: `/ontology/organization/${slug(organisation)}`, showAs: organisation });

  const preface = doc.ele('preface');
  preface.ele('p', { class: 'title' }).ele('docTitle').txt(document.title);
  if (titleBlock.event.length > 0) preface.ele('p', { class: 'event' }).txt(titleBlock.event.join(SEPARATOR));
  const status = preface.ele('p', { class: 'status' });
  status.txt(`${titleBlock.version}${SEPARATOR}`);
  status.ele('docStatus').txt(titleBlock.status);
  if (document.statusLine) preface.ele('p', { class: 'statusLine' }).txt(document.statusLine);

  const writer = new AknWriter(labels.recommendationLabel, labels.reservationNote);
  writer.body(doc.ele('mainBody'), document.blocks);
  return root.end({ headless: false });
}

class AknWriter {
  /** eIds given so far: each must be unique in the document. */
  private readonly eIds = new Set<string>();
  private readonly counters = new Map<string, number>();

  constructor(
    private readonly recommendationLabel: ExportLabels['recommendationLabel'],
    private readonly reservationNote: (delegation: string, note: string | null) => string,
  ) {}

  /**
   * The blocks of the body, nested under their headings: a heading opens a section that holds what follows until a
   * heading of its level or higher.
   */
  body(mainBody: XMLBuilder, blocks: readonly Block[]): void {
    const open: { level: number; node: XMLBuilder }[] = [];
    let text: XMLBuilder | undefined;
    for (const block of blocks) {
      if (block.kind === 'heading') {
        while (open.length > 0 && open.at(-1)!.level >= block.level) open.pop();
        const section = (open.at(-1)?.node ?? mainBody).ele('section', { eId: this.eId('sec') });
        this.inlines(section.ele('heading'), block.inlines);
        open.push({ level: block.level, node: section });
        text = undefined;
      } else if (block.kind === 'recommendation') {
        this.recommendation(open.at(-1)?.node ?? mainBody, block);
        text = undefined;
      } else {
        const section = open.at(-1)?.node;
        // Inside a section only hierarchical elements may follow the heading: other text goes in a container of its own.
        if (section) text ??= section.ele('hcontainer', { name: 'text', eId: this.eId('hcontainer') }).ele('content');
        this.block(text ?? mainBody, block);
      }
    }
  }

  private recommendation(parent: XMLBuilder, block: Extract<Block, { kind: 'recommendation' }>): void {
    const paragraph = parent.ele('paragraph', { eId: this.eId('para', block.id ?? `n${block.number}`) });
    const num = paragraph.ele('num').txt(this.recommendationLabel(block));
    for (const { number, delegation, note } of block.footnotes) {
      num.ele('authorialNote', { marker: String(number), placement: 'bottom', eId: this.eId('fnt') }).ele('p').txt(this.reservationNote(delegation, note));
    }
    const content = paragraph.ele('content');
    for (const inner of block.blocks) this.block(content, inner);
    if (block.blocks.length === 0) content.ele('p');
  }

  /** A block inside content (a recommendation nested in a list or quote keeps its text, with its label as a line). */
  private block(parent: XMLBuilder, block: Block): void {
    switch (block.kind) {
      case 'paragraph':
      case 'heading':
        this.inlines(parent.ele('p'), block.inlines);
        return;
      case 'list': {
        const list = parent.ele(block.ordered ? 'ol' : 'ul');
        for (const [index, item] of block.items.entries()) {
          // Akoma Ntoso's lists have no start: an ordered item carries its number as its value.
          const li = list.ele('li', block.ordered ? { value: String(block.start + index) } : {});
          for (const inner of item) this.block(li, inner);
        }
        return;
      }
      case 'quote': {
        const quote = parent.ele('blockContainer', { class: 'quote' });
        for (const inner of block.blocks) this.block(quote, inner);
        if (block.blocks.length === 0) quote.ele('p');
        return;
      }
      case 'recommendation':
        parent.ele('p', { class: 'recommendationLabel' }).txt(this.recommendationLabel(block));
        for (const inner of block.blocks) this.block(parent, inner);
        return;
      case 'parallel':
        for (const cell of block.cells) for (const inner of cell.blocks) this.block(parent, inner);
        return;
    }
  }

  private inlines(parent: XMLBuilder, content: readonly Inline[]): void {
    for (const inline of content.filter(isPrinted)) {
      if (inline.kind === 'break') {
        parent.ele('br');
        continue;
      }
      let node = parent;
      if (inline.change) node = node.ele(inline.change === 'inserted' ? 'ins' : 'del');
      if (inline.bracketed) node = node.ele('inline', { name: 'bracketed' });
      if (inline.href) node = node.ele('a', { href: inline.href });
      if (inline.bold) node = node.ele('b');
      if (inline.italic) node = node.ele('i');
      if (inline.underline) node = node.ele('u');
      node.txt(inline.text);
    }
  }

  /** A unique eId: the stable id when there is one (the same in every export), else a counter. */
  private eId(prefix: string, stable?: string): string {
    let id: string;
    if (stable !== undefined) {
      id = `${prefix}_${stable.replace(/[^A-Za-z0-9_-]/g, '-')}`;
    } else {
      const next = (this.counters.get(prefix) ?? 0) + 1;
      this.counters.set(prefix, next);
      id = `${prefix}_${next}`;
    }
    while (this.eIds.has(id)) id = `${id}-2`;
    this.eIds.add(id);
    return id;
  }
}

/** A name as a path segment of an ontology reference: lower case, words joined by hyphens. */
function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'organisation'
  );
}
