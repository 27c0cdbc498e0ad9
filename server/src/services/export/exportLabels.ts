import type { ConsensusStatus } from '../../../../shared/domain/consensus.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import type { ThreadStatus } from '../../../../shared/api/threads.ts';

/** The fixed words exports add around the document's own text, shared so every format says the same. */
export interface ExportLabels {
  recommendation(number: number): string;
  annexTitle: string;
  noThreads: string;
  thread(number: number): string;
  status: string;
  threadStatus: Record<ThreadStatus, string>;
  outcome: string;
  /** Stands for a comment its author deleted, as the sidebar shows it. */
  deletedComment: string;
  statusAnnexTitle: string;
  noRecommendations: string;
  consensusStatus: Record<ConsensusStatus, string>;
  reservations: string;
  /** "Recommendation 2: Agreed with reservation". */
  statusLine(number: number, status: string): string;
  /** "Status: Resolved": a name and its value, with the language's own punctuation. */
  field(name: string, value: string): string;
  /** What the file name adds to the title for the kinds other than the clean text: "Title - with comments.pdf". */
  fileSuffix: { annex: string; review: string };
}

/** A reservation as the annex lists it, in any language: the delegation, then its note. */
export function reservationText(delegation: string, note: string | null): string {
  return note ? `${delegation} (${note})` : delegation;
}

/** French puts a no-break space before a colon. */
const FR_COLON = '\u00a0:';

// Numbers stay in Western digits in every language, as the editor shows them (and UN and League of Arab States
// documents print them); the status names are the interface's own (client/src/i18n), so the annex says what people saw.
const LABELS: Record<LanguageCode, ExportLabels> = {
  en: {
    recommendation: (number) => `Recommendation ${number}`,
    annexTitle: 'Annex: comment threads',
    noThreads: 'No comment threads',
    thread: (number) => `Thread ${number}`,
    status: 'Status',
    threadStatus: { open: 'Open', resolved: 'Resolved' },
    outcome: 'Outcome',
    deletedComment: 'Comment deleted',
    statusAnnexTitle: 'Annex: consensus status',
    noRecommendations: 'No recommendations',
    consensusStatus: { draft: 'Draft', under_discussion: 'Under discussion', agreed: 'Agreed', agreed_with_reservation: 'Agreed with reservation' },
    reservations: 'Reservations',
    statusLine: (number, status) => `Recommendation ${number}: ${status}`,
    field: (name, value) => `${name}: ${value}`,
    fileSuffix: { annex: 'with comments', review: 'review copy' },
  },
  fr: {
    recommendation: (number) => `Recommandation ${number}`,
    annexTitle: `Annexe${FR_COLON} fils de commentaires`,
    noThreads: 'Aucun fil de commentaires',
    thread: (number) => `Fil ${number}`,
    status: 'Statut',
    threadStatus: { open: 'Ouvert', resolved: 'Résolu' },
    outcome: 'Suite donnée',
    deletedComment: 'Commentaire supprimé',
    statusAnnexTitle: `Annexe${FR_COLON} état du consensus`,
    noRecommendations: 'Aucune recommandation',
    consensusStatus: { draft: 'Projet', under_discussion: 'En discussion', agreed: 'Adoptée', agreed_with_reservation: 'Adoptée avec réserve' },
    reservations: 'Réserves',
    statusLine: (number, status) => `Recommandation ${number}${FR_COLON} ${status}`,
    field: (name, value) => `${name}${FR_COLON} ${value}`,
    fileSuffix: { annex: 'avec commentaires', review: 'copie de relecture' },
  },
  es: {
    recommendation: (number) => `Recomendación ${number}`,
    annexTitle: 'Anexo: hilos de comentarios',
    noThreads: 'Sin hilos de comentarios',
    thread: (number) => `Hilo ${number}`,
    status: 'Estado',
    threadStatus: { open: 'Abierto', resolved: 'Resuelto' },
    outcome: 'Resultado',
    deletedComment: 'Comentario eliminado',
    statusAnnexTitle: 'Anexo: estado del consenso',
    noRecommendations: 'Sin recomendaciones',
    consensusStatus: { draft: 'Borrador', under_discussion: 'En debate', agreed: 'Acordada', agreed_with_reservation: 'Acordada con reserva' },
    reservations: 'Reservas',
    statusLine: (number, status) => `Recomendación ${number}: ${status}`,
    field: (name, value) => `${name}: ${value}`,
    fileSuffix: { annex: 'con comentarios', review: 'copia de revisión' },
  },
  ar: {
    recommendation: (number) => `التوصية ${number}`,
    annexTitle: 'ملحق: سلاسل التعليقات',
    noThreads: 'لا توجد سلاسل تعليقات',
    thread: (number) => `السلسلة ${number}`,
    status: 'الحالة',
    threadStatus: { open: 'مفتوحة', resolved: 'مُسوّاة' },
    outcome: 'النتيجة',
    deletedComment: 'حُذف التعليق',
    statusAnnexTitle: 'ملحق: حالة التوافق',
    noRecommendations: 'لا توجد توصيات',
    consensusStatus: { draft: 'مسودة', under_discussion: 'قيد المناقشة', agreed: 'متفق عليها', agreed_with_reservation: 'متفق عليها مع تحفظ' },
    reservations: 'التحفظات',
    statusLine: (number, status) => `التوصية ${number}: ${status}`,
    field: (name, value) => `${name}: ${value}`,
    fileSuffix: { annex: 'مع التعليقات', review: 'نسخة المراجعة' },
  },
};

export function exportLabels(language: LanguageCode): ExportLabels {
  return LABELS[language];
}
