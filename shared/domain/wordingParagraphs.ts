/** A recommendation's wording written as plain text (an alternative), as paragraphs: one per non-blank line. */
export function wordingParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
