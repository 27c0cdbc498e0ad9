import { Node, mergeAttributes } from '@tiptap/core';
import { RECOMMENDATION_NODE } from './recommendationNumbers.ts';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    recommendation: {
      /** Wraps the current block in a new recommendation (or inserts an empty one after it). */
      insertRecommendation: () => ReturnType;
    };
  }
}

/**
 * A numbered recommendation. Its number is never stored: it is the recommendation's position among all
 * recommendations in document order, so concurrent inserts and moves renumber every client (and every export) alike.
 * Its `id` (set by the UniqueID extension) stays with it through edits, for comments and status.
 */
export const Recommendation = Node.create({
  name: RECOMMENDATION_NODE,
  group: 'block',
  content: '(paragraph | bulletList | orderedList)+',
  defining: true,

  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-id'),
        renderHTML: (attributes) => (attributes.id ? { 'data-id': attributes.id } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'section[data-type="recommendation"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes(HTMLAttributes, { 'data-type': 'recommendation', class: 'recommendation' }), 0];
  },

  addCommands() {
    return {
      insertRecommendation:
        () =>
        ({ commands }) =>
          commands.wrapIn(this.name) ||
          commands.insertContent({ type: this.name, content: [{ type: 'paragraph' }] }),
    };
  },

  addKeyboardShortcuts() {
    return { 'Mod-Alt-r': () => this.editor.commands.insertRecommendation() };
  },
});
