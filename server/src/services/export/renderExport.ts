import type { ExportFormat } from '../../../../shared/api/export.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import { schemaExtensions } from '../../../../shared/editor/schemaExtensions.ts';
import { editorSchema, proseMirrorOf, proseMirrorWithThreads } from '../../infrastructure/editorKit/editorSchema.ts';
import { versionDocument } from './versionDocument.ts';
import { type BlockNumbering, documentBlocks } from './documentBlocks.ts';
import { numberingOfState } from '../../../../shared/editor/stableNumbering.ts';
import { type ExportLabels, exportLabels } from './exportLabels.ts';
import type { RecommendationAlternatives } from '../../../../shared/api/alternatives.ts';
import { closedAlternativeLines, openAlternativeLines } from './alternativeLines.ts';
import { type CompilationSources, compiledRecommendations } from './compilationDocument.ts';
import { type CompilationExport, compilationExport } from './compilationTable.ts';
import { renderCompilationDocx } from './renderCompilationDocx.ts';
import { renderCompilationHtml } from './renderCompilationHtml.ts';
import { createCompilationPdfRenderer } from './renderCompilationPdf.ts';
import type { AnnexConsensus, AnnexThread, ExportDocument, Publication } from './exportModel.ts';
import { statusRows } from './statusRows.ts';
import { titleBlock } from './titleBlock.ts';
import { renderDocx } from './renderDocx.ts';
import { renderAkn } from './renderAkn.ts';
import { renderHtml } from './renderHtml.ts';
import { parallelBlocks } from './parallelBlocks.ts';
import { createMarkdownRenderer } from './renderMarkdown.ts';
import { createPdfRenderer } from './renderPdf.ts';

export interface ExportInput {
  title: string;
  /**
   * The Yjs state to render: the current document, or (for a version) a snapshot's state. Read through the shared
   * schema, so whatever a client wrote outside it never reaches the file.
   */
  state: Uint8Array;
  /**
   * Which texts, in column order: the source, or a language version (whose state is given); one, or two or three side
   * by side. Default: the source alone.
   */
  texts?: ExportText[];
  format: ExportFormat;
  /** The language of the words the export adds (labels, annex headings); the document's own text is as written. */
  language: LanguageCode;
  /** The annex of comment threads, or undefined for the clean text. */
  annex: AnnexThread[] | undefined;
  /**
   * The recommendations that have a status or reservations (the others are drafts): reservations are footnotes in
   * every kind; the annex also lists the statuses.
   */
  consensus?: AnnexConsensus[];
  /** Every alternative of the document: the open ones are printed under their recommendation, the annex lists the rest. */
  alternatives?: RecommendationAlternatives[];
  /** Asked for the compilation of proposals (`kind=compilation`): what it compiles besides the text. */
  compilation?: CompilationSources;
  /** The status line under the title, already in the export's language. */
  statusLine?: string;
  /**
   * A review copy: proposals shown rather than left out (tracked changes in DOCX; inserted underlined, deleted struck
   * through elsewhere), with the comment threads the exporter may see (native comments in DOCX).
   */
  review?: AnnexThread[];
  /** The title block's facts: the organiser's metadata, the version exported, the adoption date. */
  publication: Publication;
}

export interface ExportText {
  language: LanguageCode;
  /** The version's Yjs state; absent for the source. */
  versionState?: Uint8Array;
  /** The language of the words around this text in a parallel export (its labels, "not translated"). */
  labelLanguage: LanguageCode;
}

export interface ExportFile {
  body: Buffer;
  contentType: string;
  extension: string;
}

/** File name extensions that are not the format's name. */
const EXTENSIONS: Partial<Record<ExportFormat, string>> = { akn: 'xml' };

/** Renders a Yjs document state in any export format. Built once: the renderers keep their parsed schema and fonts. */
export function createExportRenderer(): (input: ExportInput) => Promise<ExportFile> {
  const markdown = createMarkdownRenderer(schemaExtensions());
  const pdf = createPdfRenderer();
  const compilationPdf = createCompilationPdfRenderer();
  const compilationFormats: Partial<Record<ExportFormat, { contentType: string; render: (document: CompilationExport) => Promise<Buffer> }>> = {
    docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: renderCompilationDocx },
    pdf: { contentType: 'application/pdf', render: compilationPdf },
    html: { contentType: 'text/html; charset=utf-8', render: async (document) => Buffer.from(renderCompilationHtml(document)) },
  };
  const formats: Record<ExportFormat, { contentType: string; render: (document: ExportDocument) => Promise<Buffer> }> = {
    docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: renderDocx },
    pdf: { contentType: 'application/pdf', render: pdf },
    md: { contentType: 'text/markdown; charset=utf-8', render: async (document) => Buffer.from(markdown(document)) },
    html: { contentType: 'text/html; charset=utf-8', render: async (document) => Buffer.from(renderHtml(document)) },
    akn: { contentType: 'application/akn+xml', render: async (document) => Buffer.from(renderAkn(document)) },
  };
  return async ({ title, statusLine, state, texts: given, format, language, annex, consensus = [], alternatives = [], compilation, review, publication }) => {
    const labels = exportLabels(language);
    const { numbers: locked, renumbering } = numberingOfState(state);
    const numberingIn = (words: ExportLabels): BlockNumbering => ({ locked, format: words.number, deletedText: words.deletedRecommendation });
    if (compilation) {
      const target = compilationFormats[format];
      if (!target) throw new Error(`no compilation in ${format}`);
      const doc = proseMirrorOf(state);
      const frame = {
        title,
        titleBlock: titleBlock(title, publication, statusRows(doc, consensus, numberingIn(labels)), labels, language),
        language,
        textLanguage: given?.[0]?.language ?? language,
        labels,
        statusLine,
      };
      const document = compilationExport(frame, compiledRecommendations(state, doc, compilation, consensus, language));
      return { body: await target.render(document), contentType: target.contentType, extension: format };
    }
    const texts = given ?? [{ language, labelLanguage: language }];
    // Threads are anchored in the source text: they are placed when the source alone is exported.
    const placed = review && texts.length === 1 && !texts[0]!.versionState ? review : [];
    const { doc: source, ranges } = review ? proseMirrorWithThreads(state, placed) : { doc: proseMirrorOf(state), ranges: [] };
    const textOf = ({ versionState }: ExportText, untranslated: string) => (versionState ? versionDocument(source, versionState, editorSchema(), untranslated) : source);
    const rows = statusRows(source, consensus, numberingIn(labels), closedAlternativeLines(alternatives, labels));
    const reservations = new Map(consensus.map((entry) => [entry.recommendationId, entry.reservations]));
    const openAlternatives = openAlternativeLines(alternatives, labels);
    const reviewing = review !== undefined;
    const correspondence = renumbering?.rows.map(({ from, to }) => labels.renumberingLine(labels.number(from), to && labels.number(to)));
    const frame = {
      title,
      titleBlock: titleBlock(title, publication, rows, labels, language),
      language,
      textLanguage: texts[0]!.language,
      publication,
      labels,
      statusLine,
      ...(reviewing ? { review: placed.map((thread, index) => ({ thread, anchored: ranges[index] !== null })) } : {}),
    };
    const document: ExportDocument =
      texts.length > 1
        ? {
            ...frame,
            // Reservations are the recommendation's, whatever the language: their footnotes go with the source column.
            blocks: parallelBlocks(
              texts.map((text, index) => {
                const columnLabels = exportLabels(text.labelLanguage);
                const source = index === 0 ? { reservations, alternatives: openAlternatives } : {};
                const blocks = documentBlocks(textOf(text, columnLabels.untranslated), { review: reviewing, numbering: numberingIn(columnLabels), ...source });
                return { language: text.language, labels: columnLabels, blocks };
              }),
            ),
            columns: texts.map((text) => text.language),
            annex,
            statuses: annex && rows,
            renumbering: annex && correspondence,
          }
        : {
            ...frame,
            blocks: documentBlocks(textOf(texts[0]!, labels.untranslated), {
              review: reviewing,
              reservations,
              alternatives: openAlternatives,
              threadRanges: ranges,
              numbering: numberingIn(labels),
            }),
            annex,
            statuses: annex && rows,
            renumbering: annex && correspondence,
          };
    const { contentType, render } = formats[format];
    return { body: await render(document), contentType, extension: EXTENSIONS[format] ?? format };
  };
}
