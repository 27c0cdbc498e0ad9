import { Mark, type MarkConfig } from '@tiptap/core';
import { DELETION_MARK, INSERTION_MARK, MODIFICATION_MARK, type SuggestionKind } from './suggestionKinds.ts';

/** Who proposed a change and when, carried by every suggestion mark (so every peer, and the server, can show it). */
export interface SuggestionAuthor {
  author: string;
  delegation: string;
  /** The delegation's colour, `#rrggbb`. */
  color: string;
}

export interface SuggestionMarkOptions {
  /**
   * The hover text of a suggestion (author, delegation, time), in the reader's language. Default: none — the server
   * renders without a DOM and needs none; the browser passes its translated description.
   */
  describe: ((attrs: SuggestionAttributes) => string) | null;
}

export interface SuggestionAttributes extends SuggestionAuthor {
  id: string;
  /** ISO 8601, when the proposal was made. */
  time: string;
}

/** Only a plain hex colour ever reaches a style attribute: marks are written by any client. */
export function safeColor(value: unknown): string | null {
  return typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value) ? value : null;
}

const metadataAttributes = {
  id: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('data-suggestion-id'), rendered: false },
  author: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('data-author'), rendered: false },
  delegation: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('data-delegation'), rendered: false },
  color: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('data-color'), rendered: false },
  time: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('data-time'), rendered: false },
};

function suggestionMark(name: SuggestionKind, tag: string, excludes: string): MarkConfig<SuggestionMarkOptions> {
  return {
    name,
    // A proposal never grows by typing next to it: the suggest-changes transform decides what joins it.
    inclusive: false,
    excludes,
    // Rendered inside formatting marks' elements is fine; what matters is that the proposal stays one element.
    priority: 900,
    addOptions: () => ({ describe: null }),
    addAttributes: () => metadataAttributes,
    parseHTML: () => [{ tag: `${tag}[data-suggestion-id]` }],
    renderHTML({ mark }) {
      const attrs = mark.attrs as SuggestionAttributes;
      const color = safeColor(attrs.color);
      const title = this.options.describe?.(attrs);
      return [
        tag,
        {
          class: `suggestion suggestion--${name}`,
          'data-suggestion-id': String(attrs.id ?? ''),
          'data-delegation': attrs.delegation ?? '',
          ...(color ? { style: `--suggestion-color: ${color}` } : {}),
          ...(title ? { title } : {}),
        },
        0,
      ];
    },
  };
}

/** Proposed text: shown underlined in the proposing delegation's colour until accepted (kept) or rejected (removed). */
export const Insertion = Mark.create<SuggestionMarkOptions>(suggestionMark(INSERTION_MARK, 'ins', 'deletion modification insertion'));

/** Text proposed for removal: shown struck through until accepted (removed) or rejected (kept). */
export const Deletion = Mark.create<SuggestionMarkOptions>(suggestionMark(DELETION_MARK, 'del', 'insertion modification deletion'));

/**
 * A proposed change of formatting or attributes (the library records the previous value). Same metadata as the others.
 */
export const Modification = Mark.create<SuggestionMarkOptions>({
  ...suggestionMark(MODIFICATION_MARK, 'span', 'deletion insertion'),
  addAttributes: () => ({
    ...metadataAttributes,
    type: { default: null, rendered: false },
    attrName: { default: null, rendered: false },
    previousValue: { default: null, rendered: false },
    newValue: { default: null, rendered: false },
  }),
});
