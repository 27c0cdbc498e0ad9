import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { blockDirections } from './blockDirections.ts';

const key = new PluginKey<DecorationSet>('blockDirection');

/**
 * Renders every block with the `dir` its own text calls for (see `blockDirections`), as a decoration: the direction is
 * derived from the text on every change, never stored, so it cannot disagree with the text after concurrent edits.
 * An explicit `dir` (rather than `dir="auto"`) also places list bullets, quote bars and the caret of empty blocks.
 */
export const BlockDirectionDecorations = Extension.create({
  name: 'blockDirection',

  addProseMirrorPlugins() {
    const decorate = (doc: ProseMirrorNode) =>
      DecorationSet.create(
        doc,
        [...blockDirections(doc)].map(([pos, dir]) => Decoration.node(pos, pos + doc.nodeAt(pos)!.nodeSize, { dir })),
      );
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_config, state) => decorate(state.doc),
          apply: (tr, decorations) => (tr.docChanged ? decorate(tr.doc) : decorations),
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ];
  },
});
