/** The fixed words exports add around the document's own text, shared so every format says the same. */
export const EXPORT_LABELS = {
  recommendation: (number: number) => `Recommendation ${number}`,
  annexTitle: 'Annex: comment threads',
  noThreads: 'No comment threads',
  thread: (number: number) => `Thread ${number}`,
  quote: 'Quoted text',
  status: 'Status',
  outcome: 'Outcome',
  statusAnnexTitle: 'Annex: consensus status',
  noRecommendations: 'No recommendations',
  consensusStatus: {
    draft: 'Draft',
    under_discussion: 'Under discussion',
    agreed: 'Agreed',
    agreed_with_reservation: 'Agreed with reservation',
  },
  reservations: 'Reservations',
  /** "Recommendation 2 — Agreed with reservation", then the first words. */
  statusLine: (number: number, status: string) => `Recommendation ${number}: ${status}`,
  reservation: (delegation: string, note: string | null) => (note ? `${delegation} (${note})` : delegation),
} as const;
