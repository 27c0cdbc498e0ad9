import { Mark } from '@tiptap/core';

export const BRACKET_MARK = 'bracket';

export interface BracketAttributes {
  id: string;
  /** The delegation that asked for the brackets. */
  delegation: string;
  /** ISO 8601, when the brackets were set. */
  time: string;
}

export interface BracketOptions {
  /** Hover text (who asked, when) in the reader's language; none on the server. */
  describe: ((attrs: BracketAttributes) => string) | null;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    bracket: {
      /** Puts the selection in square brackets on behalf of `delegation` (not yet agreed). */
      setBracket: (attrs: BracketAttributes) => ReturnType;
    };
  }
}

/**
 * Bracketed text ("[ … ]": not yet agreed), as negotiated texts mark it. Brackets are removed only by the server (one
 * action by a rapporteur or organiser), so the editor offers a command to set them and none to remove them.
 * High priority makes it the outermost mark, so one pair of brackets wraps formatted words inside it.
 */
export const Bracket = Mark.create<BracketOptions>({
  name: BRACKET_MARK,
  priority: 1000,
  inclusive: false,
  addOptions: () => ({ describe: null }),

  addAttributes() {
    return {
      id: { default: null, parseHTML: (element) => element.getAttribute('data-bracket-id'), rendered: false },
      delegation: { default: null, parseHTML: (element) => element.getAttribute('data-delegation'), rendered: false },
      time: { default: null, parseHTML: (element) => element.getAttribute('data-time'), rendered: false },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-bracket-id]' }];
  },

  renderHTML({ mark }) {
    const attrs = mark.attrs as BracketAttributes;
    const title = this.options.describe?.(attrs);
    return [
      'span',
      {
        class: 'bracketed',
        'data-bracket-id': String(attrs.id ?? ''),
        'data-delegation': attrs.delegation ?? '',
        ...(title ? { title } : {}),
      },
      0,
    ];
  },

  addCommands() {
    return {
      setBracket:
        (attrs) =>
        ({ commands }) =>
          commands.setMark(this.name, attrs),
    };
  },
});
