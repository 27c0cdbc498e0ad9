import fs from 'node:fs';
import { createRequire } from 'node:module';
import { AlignmentType, LineRuleType, type IParagraphStylePropertiesOptions, type IStylesOptions } from 'docx';

/** The DOCX text face: Amiri (as in the PDF), embedded in the file, so the document looks the same without it installed. */
export const DOCX_FONT = 'Amiri';

/** Named paragraph styles of our own, beside Word's Title, Heading 1–6, Normal, Header, Footer and Footnote Text. */
export const DOCX_STYLE = {
  recommendation: 'Recommendation',
  recommendationLabel: 'RecommendationLabel',
  event: 'EventLine',
  documentInfo: 'DocumentInfo',
} as const;

/**
 * Widow control in a style: docx writes it from a style's paragraph options as from a paragraph's, but its style type
 * leaves it out. Without it Word (and LibreOffice) may leave one line of a recommendation alone on a page.
 */
const WIDOW_CONTROL = { widowControl: true } as IParagraphStylePropertiesOptions;

/** Half-points, as Word counts font sizes. */
const pt = (points: number) => points * 2;
/** Twentieths of a point, as Word counts spacing. */
const twips = (points: number) => points * 20;

/**
 * The document's styles: every paragraph carries a named style, so an organiser restyles the whole document from
 * Word's Styles pane. Headings keep with the next paragraph; recommendations never leave a single line at the top or
 * bottom of a page (widow control) and keep their label with their first line. Complex-script sizes and bold follow
 * the Latin ones, so Arabic is set like the rest.
 */
export function docxStyles(language: { value: string; bidirectional: string }): IStylesOptions {
  const font = { ascii: DOCX_FONT, hAnsi: DOCX_FONT, cs: DOCX_FONT, eastAsia: DOCX_FONT };
  const heading = (size: number, before: number) => ({
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { size: pt(size), sizeComplexScript: pt(size), bold: true, boldComplexScript: true, color: '1F2A44' },
    paragraph: { keepNext: true, keepLines: true, spacing: { before: twips(before), after: twips(6) } },
  });
  return {
    default: {
      document: {
        run: { font, size: pt(12), sizeComplexScript: pt(13), language },
        paragraph: { ...WIDOW_CONTROL, spacing: { after: twips(6), line: 276 } },
      },
      title: {
        basedOn: 'Normal',
        next: 'Normal',
        run: { font, size: pt(22), sizeComplexScript: pt(22), bold: true, boldComplexScript: true, color: '1F2A44' },
        // An exact leading: as a multiple (of Amiri's tall line) LibreOffice set the two title lines on each other, and as a
        // floor it left a gap between them.
        paragraph: { keepNext: true, spacing: { after: twips(10), line: twips(29), lineRule: LineRuleType.EXACT } },
      },
      heading1: heading(16, 18),
      heading2: heading(14, 14),
      heading3: heading(12, 12),
      heading4: heading(12, 10),
      heading5: heading(12, 10),
      heading6: heading(12, 10),
    },
    paragraphStyles: [
      {
        id: DOCX_STYLE.event,
        name: 'Event Line',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: pt(13), sizeComplexScript: pt(14), color: '333333' },
        paragraph: { keepNext: true, spacing: { after: twips(2) } },
      },
      {
        id: DOCX_STYLE.documentInfo,
        name: 'Document Info',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: pt(10), sizeComplexScript: pt(11), color: '555555' },
        paragraph: {
          spacing: { after: twips(2) },
          border: { bottom: { style: 'single', size: 6, color: '999999', space: 4 } },
        },
      },
      {
        id: DOCX_STYLE.recommendationLabel,
        name: 'Recommendation Label',
        basedOn: 'Normal',
        next: DOCX_STYLE.recommendation,
        quickFormat: true,
        run: { bold: true, boldComplexScript: true },
        paragraph: { keepNext: true, keepLines: true, spacing: { before: twips(12), after: twips(2) } },
      },
      {
        id: DOCX_STYLE.recommendation,
        name: 'Recommendation',
        basedOn: 'Normal',
        next: DOCX_STYLE.recommendation,
        quickFormat: true,
        paragraph: { ...WIDOW_CONTROL, alignment: AlignmentType.BOTH },
      },
      { id: 'Header', name: 'header', basedOn: 'Normal', run: { size: pt(9), sizeComplexScript: pt(10), color: '555555' }, paragraph: { spacing: { after: 0 } } },
      { id: 'Footer', name: 'footer', basedOn: 'Normal', run: { size: pt(9), sizeComplexScript: pt(10), color: '555555' }, paragraph: { spacing: { after: 0 } } },
    ],
  };
}

let faces: { data: Buffer; bold: Buffer; italic: Buffer; boldItalic: Buffer } | undefined;

/** Amiri's four faces, read once from its npm package (nothing fetched at run time). */
export function amiriFaces() {
  if (!faces) {
    const require = createRequire(import.meta.url);
    const face = (name: string) => fs.readFileSync(require.resolve(`@expo-google-fonts/amiri/${name}/Amiri_${name}.ttf`));
    faces = { data: face('400Regular'), bold: face('700Bold'), italic: face('400Regular_Italic'), boldItalic: face('700Bold_Italic') };
  }
  return faces;
}
