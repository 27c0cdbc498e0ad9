import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { recommendationNumbers } from './recommendationNumbers.ts';

export interface RecommendationLabelsOptions {
  /** The visible label of recommendation `number`, e.g. "Recommendation 7" in the reader's language. Default: the number. */
  label: (number: number) => string;
}

const key = new PluginKey<DecorationSet>('recommendationNumbering');

/**
 * Set as transaction meta (`tr.setMeta(RELABEL_RECOMMENDATIONS, true)`) to redraw the labels without a document change,
 * e.g. after the reader switched the interface language.
 */
export const RELABEL_RECOMMENDATIONS = key;

/**
 * Shows each recommendation's number as `data-number` and `data-label` decorations, recomputed from the document on
 * every change. Decorations are not part of the document, so numbers are never stored or synced: after concurrent
 * inserts or moves every client derives the same numbers from the same converged document.
 */
export const RecommendationLabels = Extension.create<RecommendationLabelsOptions>({
  name: 'recommendationNumbering',

  addOptions() {
    return { label: (number) => String(number) };
  },

  addProseMirrorPlugins() {
    const { label } = this.options;
    const decorate = (doc: ProseMirrorNode) =>
      DecorationSet.create(
        doc,
        [...recommendationNumbers(doc)].map(([pos, number]) =>
          Decoration.node(pos, pos + doc.nodeAt(pos)!.nodeSize, { 'data-number': String(number), 'data-label': label(number) }),
        ),
      );
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_config, state) => decorate(state.doc),
          apply: (tr, decorations) => (tr.docChanged || tr.getMeta(key) ? decorate(tr.doc) : decorations),
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ];
  },
});
