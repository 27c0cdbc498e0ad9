import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { type StableNumber, formatStableNumber } from '../domain/stableNumbers.ts';
import { type ShownNumber, recommendationNumbers } from './recommendationNumbers.ts';

export interface RecommendationLabelsOptions {
  /** The locked numbers (ADR 0008), or null while numbers are positions. Default: never locked. */
  lockedNumbers: () => ReadonlyMap<string, StableNumber> | null;
  /** A number as the reader writes it ("4bis", "4 مكرراً"). Default: the English form. */
  format: (number: StableNumber) => string;
  /** The visible label of a number, e.g. "Recommendation 4bis" in the reader's language. Default: the number. */
  label: (number: string) => string;
  /** The hover text of a provisional number, saying it is this browser's guess. Default: none. */
  provisionalNote: () => string;
}

/** A shown number and its text as the reader writes it. */
export interface LabelledNumber extends ShownNumber {
  text: string;
}

interface Numbering {
  byPosition: Map<number, LabelledNumber>;
  decorations: DecorationSet;
}

const key = new PluginKey<Numbering>('recommendationNumbering');

/**
 * Set as transaction meta (`tr.setMeta(RELABEL_RECOMMENDATIONS, true)`) to redraw the labels without a document change,
 * e.g. after the reader switched the interface language or the server numbered a recommendation.
 */
export const RELABEL_RECOMMENDATIONS = key;

/** The number shown for each recommendation of the editor, by its position (empty without this extension). */
export function shownRecommendationNumbers(state: EditorState): ReadonlyMap<number, LabelledNumber> {
  return key.getState(state)?.byPosition ?? new Map();
}

/**
 * Shows each recommendation's number as `data-number` and `data-label` decorations (and `data-provisional` with a hover
 * text for one the server has not numbered yet), recomputed on every change. Decorations are not part of the text: numbers are positions
 * until the numbering is locked, then the server's, read from the document's numbering maps.
 */
export const RecommendationLabels = Extension.create<RecommendationLabelsOptions>({
  name: 'recommendationNumbering',

  addOptions() {
    return { lockedNumbers: () => null, format: (number) => formatStableNumber(number, 'en'), label: (number) => number, provisionalNote: () => '' };
  },

  addProseMirrorPlugins() {
    const { lockedNumbers, format, label, provisionalNote } = this.options;
    const number = (doc: ProseMirrorNode): Numbering => {
      const byPosition = new Map([...recommendationNumbers(doc, lockedNumbers())].map(([pos, shown]) => [pos, { ...shown, text: format(shown.number) }]));
      const decorations = DecorationSet.create(
        doc,
        [...byPosition].map(([pos, { text, provisional }]) =>
          Decoration.node(pos, pos + doc.nodeAt(pos)!.nodeSize, {
            'data-number': text,
            'data-label': label(text),
            ...(provisional ? { 'data-provisional': 'true', title: provisionalNote() } : {}),
          }),
        ),
      );
      return { byPosition, decorations };
    };
    return [
      new Plugin<Numbering>({
        key,
        state: {
          init: (_config, state) => number(state.doc),
          apply: (tr, numbering) => (tr.docChanged || tr.getMeta(key) ? number(tr.doc) : numbering),
        },
        props: { decorations: (state) => key.getState(state)?.decorations },
      }),
    ];
  },
});
