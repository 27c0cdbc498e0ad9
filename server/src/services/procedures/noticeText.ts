/**
 * The e-mail notices' words. In English only: the recipients are addresses the organiser typed, whose languages Accord
 * does not know; the document's title stays in its own language.
 */
export interface Notice {
  subject: string;
  text: string;
}

/** "Friday, 4 December 2026 at 18:00 (Europe/Geneva)": the organiser's zone, named, so nobody converts by guesswork. */
function when(at: string, timeZone: string): string {
  const formatted = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(at));
  return `${formatted} (${timeZone})`;
}

export const noticeText = {
  deadlineSoon: (title: string, at: string, timeZone: string): Notice => ({
    subject: `Deadline in 24 hours: ${title}`,
    text: `The deadline for proposals and comments on "${title}" is ${when(at, timeZone)}.\nAfter it, delegations can no longer open comment threads or make proposals; replies to existing threads remain possible.`,
  }),
  silenceSoon: (title: string, at: string, timeZone: string): Notice => ({
    subject: `Silence procedure ends in 24 hours: ${title}`,
    text: `The silence procedure on "${title}" ends ${when(at, timeZone)}.\nIf no delegation breaks silence before then, the text is adopted.`,
  }),
  broken: (title: string, delegation: string, statement: string): Notice => ({
    subject: `Silence broken by ${delegation}: ${title}`,
    text: `${delegation} has broken silence on "${title}". The text is not adopted.\n\nStatement:\n${statement}`,
  }),
  adopted: (title: string, at: string, timeZone: string): Notice => ({
    subject: `Adopted under silence procedure: ${title}`,
    text: `"${title}" was adopted under silence procedure on ${when(at, timeZone)}: no delegation broke silence.`,
  }),
};
