/**
 * The mark names @handlewithcare/prosemirror-suggest-changes looks up in the schema (it requires all three). Kept
 * apart from the marks themselves so that the API schemas (and the server's routes) use them without loading Tiptap.
 */
export const INSERTION_MARK = 'insertion';
export const DELETION_MARK = 'deletion';
export const MODIFICATION_MARK = 'modification';
export const SUGGESTION_MARKS = [INSERTION_MARK, DELETION_MARK, MODIFICATION_MARK] as const;
export type SuggestionKind = (typeof SUGGESTION_MARKS)[number];
