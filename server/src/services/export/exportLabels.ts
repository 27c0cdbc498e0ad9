/** The fixed words exports add around the document's own text, shared so every format says the same. */
export const EXPORT_LABELS = {
  recommendation: (number: number) => `Recommendation ${number}`,
  annexTitle: 'Annex: comment threads',
  noThreads: 'No comment threads',
  thread: (number: number) => `Thread ${number}`,
  quote: 'Quoted text',
  status: 'Status',
  outcome: 'Outcome',
} as const;
