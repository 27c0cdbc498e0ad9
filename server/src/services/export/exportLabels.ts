import type { ConsensusStatus } from '../../../../shared/domain/consensus.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import { exportIntlLocale } from './exportLocale.ts';
import type { CompilationKind } from '../../../../shared/api/compilation.ts';
import { type StableNumber, formatStableNumber } from '../../../../shared/domain/stableNumbers.ts';
import type { ThreadStatus } from '../../../../shared/api/threads.ts';
import type { VersionKind } from '../../../../shared/api/versions.ts';

/** The fixed words exports add around the document's own text, shared so every format says the same. */
interface ExportWords {
  /** "Recommendation 4", or with a locked number "Recommendation 4bis". */
  recommendation(number: number | string): string;
  /** Follows the label of a recommendation deleted after the numbering was locked, in a review copy: "4 [deleted]". */
  deletedRecommendation: string;
  renumberingTitle: string;
  /**
   * A line of the correspondence table: "4bis becomes 5", "2 deleted". In words, not with an arrow: the PDF's Amiri
   * has no arrow glyph, and every format reads the same.
   */
  renumberingLine(from: string, to: string | null): string;
  annexTitle: string;
  noThreads: string;
  thread(number: number): string;
  status: string;
  threadStatus: Record<ThreadStatus, string>;
  outcome: string;
  /** Stands for a comment its author deleted, as the sidebar shows it. */
  deletedComment: string;
  /** A review copy's comment on words that are no longer in the text, as the sidebar says it. */
  textRemoved: string;
  statusAnnexTitle: string;
  noRecommendations: string;
  consensusStatus: Record<ConsensusStatus, string>;
  reservations: string;
  /** "Recommendation 2: Agreed with reservation". */
  statusLine(number: string, status: string): string;
  /** "Status: Resolved": a name and its value, with the language's own punctuation. */
  field(name: string, value: string): string;
  /** What the file name adds to the title for the kinds other than the clean text: "Title - with comments.pdf". */
  fileSuffix: { annex: string; review: string; compilation: string };
  /** A reservation's footnote when its delegation gave no note: "Spain: reservation". */
  reservation: string;
  /** The document's status in the title block; `adoptedOn` takes the date of the freeze. */
  documentStatus: { draft: string; agreed: string; adoptedOn(date: string): string };
  /** The name of a version without a name of its own, by kind; `current` is the text as it stands when exported. */
  versionKind: Record<'current' | VersionKind, string>;
  /** The footer's page number, with `{page}` and `{pages}` where Word and the PDF put the numbers. */
  pageOf: string;
  /** Marks a block of a language version nobody has translated yet. */
  untranslated: string;
  /** An alternative formulation's name under its recommendation: "Alt 2". */
  alternative(number: number): string;
  /** Before the delegations supporting an alternative: "supported by". */
  supportedBy: string;
  /** How an alternative was closed, as the annex says it: "Alt 2 (Morocco, Jordan) not retained". */
  alternativeOutcome: Record<'retained' | 'not_retained' | 'withdrawn', string>;
  /** The compilation of proposals: its title, its table's headings, what each row is, and a table without rows. */
  compilation: {
    title: string;
    currentText: string;
    delegation: string;
    tag: string;
    proposal: string;
    justification: string;
    none: string;
    kinds: Record<CompilationKind, string>;
  };
}

/** The words, and dates written the way the export's language writes them (never an ISO timestamp). */
export interface ExportLabels extends ExportWords {
  /** A stable number as the export's language writes it: "4bis", "4 مكرراً". */
  number(number: StableNumber): string;
  /** A recommendation's label line: "Recommendation 4bis"; a review copy's deleted one "Recommendation 4 [deleted]". */
  recommendationLabel(block: { number: string; deleted?: boolean }): string;
  /** "2 December 2026 at 04:08", "2 décembre 2026 à 04:08". */
  dateTime(iso: string): string;
  /** "2 December 2026". */
  date(iso: string): string;
  /** A reservation as a footnote on its recommendation: "Spain: pending consultation with capital". */
  reservationNote(delegation: string, note: string | null): string;
  /** Who wrote a comment, and when: "Ana García (Spain), 2 December 2026 at 04:08". */
  byline(name: string, delegation: string, iso: string): string;
}

/** A person as exports name them (comment and revision authors): "Ana García (Spain)". */
export function personName(name: string, delegation: string): string {
  return `${name} (${delegation})`;
}

/** A reservation as the annex lists it, in any language: the delegation, then its note. */
export function reservationText(delegation: string, note: string | null): string {
  return note ? `${delegation} (${note})` : delegation;
}

/** French puts a no-break space before a colon. */
const FR_COLON = '\u00a0:';

// Numbers stay in Western digits in every language, as the editor shows them (and UN and League of Arab States
// documents print them); the status names are the interface's own (client/src/i18n), so the annex says what people saw.
const WORDS: Record<LanguageCode, ExportWords> = {
  en: {
    recommendation: (number) => `Recommendation ${number}`,
    deletedRecommendation: '[deleted]',
    renumberingTitle: 'Annex: correspondence of numbers',
    renumberingLine: (from, to) => (to ? `${from} becomes ${to}` : `${from} deleted`),
    annexTitle: 'Annex: comment threads',
    noThreads: 'No comment threads',
    thread: (number) => `Thread ${number}`,
    status: 'Status',
    threadStatus: { open: 'Open', resolved: 'Resolved' },
    outcome: 'Outcome',
    deletedComment: 'Comment deleted',
    textRemoved: 'Text removed',
    statusAnnexTitle: 'Annex: consensus status',
    noRecommendations: 'No recommendations',
    consensusStatus: { draft: 'Draft', under_discussion: 'Under discussion', agreed: 'Agreed', agreed_with_reservation: 'Agreed with reservation' },
    reservations: 'Reservations',
    statusLine: (number, status) => `Recommendation ${number}: ${status}`,
    field: (name, value) => `${name}: ${value}`,
    fileSuffix: { annex: 'with comments', review: 'review copy', compilation: 'compilation of proposals' },
    reservation: 'reservation',
    documentStatus: { draft: 'Draft', agreed: 'Agreed text', adoptedOn: (date) => `Adopted on ${date}` },
    versionKind: { current: 'Current text', auto: 'Automatic version', named: 'Version', freeze: 'Final text', restore: 'Restored version' },
    pageOf: 'Page {page} of {pages}',
    untranslated: '[Not translated]',
    alternative: (number) => `Alt ${number}`,
    supportedBy: 'supported by',
    alternativeOutcome: { retained: 'retained', not_retained: 'not retained', withdrawn: 'withdrawn' },
    compilation: {
      title: 'Compilation of proposals',
      currentText: 'Current text',
      delegation: 'Delegation',
      tag: 'Tag',
      proposal: 'Proposal',
      justification: 'Justification',
      none: 'No proposals',
      kinds: { proposal: 'Proposal', alternative: 'Alternative', brackets: 'Brackets', reservation: 'Reservation', noChange: 'No change' },
    },
  },
  fr: {
    recommendation: (number) => `Recommandation ${number}`,
    deletedRecommendation: '[supprimée]',
    renumberingTitle: 'Annexe\u00a0: correspondance des numéros',
    renumberingLine: (from, to) => (to ? `${from} devient ${to}` : `${from} supprimée`),
    annexTitle: `Annexe${FR_COLON} fils de commentaires`,
    noThreads: 'Aucun fil de commentaires',
    thread: (number) => `Fil ${number}`,
    status: 'Statut',
    threadStatus: { open: 'Ouvert', resolved: 'Résolu' },
    outcome: 'Suite donnée',
    deletedComment: 'Commentaire supprimé',
    textRemoved: 'Texte supprimé',
    statusAnnexTitle: `Annexe${FR_COLON} état du consensus`,
    noRecommendations: 'Aucune recommandation',
    consensusStatus: { draft: 'Projet', under_discussion: 'En discussion', agreed: 'Adoptée', agreed_with_reservation: 'Adoptée avec réserve' },
    reservations: 'Réserves',
    statusLine: (number, status) => `Recommandation ${number}${FR_COLON} ${status}`,
    field: (name, value) => `${name}${FR_COLON} ${value}`,
    fileSuffix: { annex: 'avec commentaires', review: 'copie de relecture', compilation: 'compilation des propositions' },
    reservation: 'réserve',
    documentStatus: { draft: 'Projet', agreed: 'Texte adopté', adoptedOn: (date) => `Adopté le ${date}` },
    versionKind: { current: 'Texte en cours', auto: 'Version automatique', named: 'Version', freeze: 'Texte final', restore: 'Version restaurée' },
    pageOf: 'Page {page} sur {pages}',
    untranslated: '[Non traduit]',
    alternative: (number) => `Variante ${number}`,
    supportedBy: 'appuyée par',
    alternativeOutcome: { retained: 'retenue', not_retained: 'non retenue', withdrawn: 'retirée' },
    compilation: {
      title: 'Compilation des propositions',
      currentText: 'Texte actuel',
      delegation: 'Délégation',
      tag: 'Code',
      proposal: 'Proposition',
      justification: 'Justification',
      none: 'Aucune proposition',
      kinds: { proposal: 'Proposition', alternative: 'Variante', brackets: 'Crochets', reservation: 'Réserve', noChange: 'Pas de modification' },
    },
  },
  es: {
    recommendation: (number) => `Recomendación ${number}`,
    deletedRecommendation: '[suprimida]',
    renumberingTitle: 'Anexo: correspondencia de números',
    renumberingLine: (from, to) => (to ? `${from} pasa a ser ${to}` : `${from} suprimida`),
    annexTitle: 'Anexo: hilos de comentarios',
    noThreads: 'Sin hilos de comentarios',
    thread: (number) => `Hilo ${number}`,
    status: 'Estado',
    threadStatus: { open: 'Abierto', resolved: 'Resuelto' },
    outcome: 'Resultado',
    deletedComment: 'Comentario eliminado',
    textRemoved: 'Texto eliminado',
    statusAnnexTitle: 'Anexo: estado del consenso',
    noRecommendations: 'Sin recomendaciones',
    consensusStatus: { draft: 'Borrador', under_discussion: 'En debate', agreed: 'Acordada', agreed_with_reservation: 'Acordada con reserva' },
    reservations: 'Reservas',
    statusLine: (number, status) => `Recomendación ${number}: ${status}`,
    field: (name, value) => `${name}: ${value}`,
    fileSuffix: { annex: 'con comentarios', review: 'copia de revisión', compilation: 'compilación de propuestas' },
    reservation: 'reserva',
    documentStatus: { draft: 'Borrador', agreed: 'Texto acordado', adoptedOn: (date) => `Aprobado el ${date}` },
    versionKind: { current: 'Texto actual', auto: 'Versión automática', named: 'Versión', freeze: 'Texto final', restore: 'Versión restaurada' },
    pageOf: 'Página {page} de {pages}',
    untranslated: '[Sin traducir]',
    alternative: (number) => `Alt ${number}`,
    supportedBy: 'apoyada por',
    alternativeOutcome: { retained: 'retenida', not_retained: 'no retenida', withdrawn: 'retirada' },
    compilation: {
      title: 'Compilación de propuestas',
      currentText: 'Texto actual',
      delegation: 'Delegación',
      tag: 'Código',
      proposal: 'Propuesta',
      justification: 'Justificación',
      none: 'Sin propuestas',
      kinds: { proposal: 'Propuesta', alternative: 'Alternativa', brackets: 'Corchetes', reservation: 'Reserva', noChange: 'Sin cambios' },
    },
  },
  ar: {
    recommendation: (number) => `التوصية ${number}`,
    deletedRecommendation: '[محذوفة]',
    renumberingTitle: 'ملحق: جدول مقابلة الأرقام',
    renumberingLine: (from, to) => (to ? `${from} أصبحت ${to}` : `${from} محذوفة`),
    annexTitle: 'ملحق: سلاسل التعليقات',
    noThreads: 'لا توجد سلاسل تعليقات',
    thread: (number) => `السلسلة ${number}`,
    status: 'الحالة',
    threadStatus: { open: 'مفتوحة', resolved: 'مُسوّاة' },
    outcome: 'النتيجة',
    deletedComment: 'حُذف التعليق',
    textRemoved: 'حُذف النص',
    statusAnnexTitle: 'ملحق: حالة التوافق',
    noRecommendations: 'لا توجد توصيات',
    consensusStatus: { draft: 'مسودة', under_discussion: 'قيد المناقشة', agreed: 'متفق عليها', agreed_with_reservation: 'متفق عليها مع تحفظ' },
    reservations: 'التحفظات',
    statusLine: (number, status) => `التوصية ${number}: ${status}`,
    field: (name, value) => `${name}: ${value}`,
    fileSuffix: { annex: 'مع التعليقات', review: 'نسخة المراجعة', compilation: 'تجميع المقترحات' },
    reservation: 'تحفظ',
    documentStatus: { draft: 'مسودة', agreed: 'نص متفق عليه', adoptedOn: (date) => `اعتُمد في ${date}` },
    versionKind: { current: 'النص الحالي', auto: 'نسخة تلقائية', named: 'نسخة', freeze: 'النص النهائي', restore: 'نسخة مستعادة' },
    pageOf: 'الصفحة {page} من {pages}',
    untranslated: '[لم يُترجم]',
    alternative: (number) => `البديل ${number}`,
    supportedBy: 'بتأييد من',
    alternativeOutcome: { retained: 'اعتُمد', not_retained: 'لم يُعتمد', withdrawn: 'سُحب' },
    compilation: {
      title: 'تجميع المقترحات',
      currentText: 'النص الحالي',
      delegation: 'الوفد',
      tag: 'الرمز',
      proposal: 'المقترح',
      justification: 'المبرر',
      none: 'لا توجد مقترحات',
      kinds: { proposal: 'مقترح', alternative: 'بديل', brackets: 'أقواس معقوفة', reservation: 'تحفظ', noChange: 'بلا تغيير' },
    },
  },
};

export function exportLabels(language: LanguageCode): ExportLabels {
  const words = WORDS[language];
  // Dates are written in the server's time zone: the server is the venue's own machine.
  const dateTime = new Intl.DateTimeFormat(exportIntlLocale(language), { dateStyle: 'long', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(exportIntlLocale(language), { dateStyle: 'long' });
  return {
    ...words,
    number: (number) => formatStableNumber(number, language),
    recommendationLabel: ({ number, deleted }) => `${words.recommendation(number)}${deleted ? ` ${words.deletedRecommendation}` : ''}`,
    dateTime: (iso) => dateTime.format(new Date(iso)),
    date: (iso) => date.format(new Date(iso)),
    reservationNote: (delegation, note) => words.field(delegation, note ?? words.reservation),
    byline: (name, delegation, iso) => `${personName(name, delegation)}, ${dateTime.format(new Date(iso))}`,
  };
}
