import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { BRACKET_MARK, type BracketAttributes } from '../../../../shared/editor/bracket.ts';
import { RECOMMENDATION_NODE } from '../../../../shared/editor/recommendationNumbers.ts';

export interface RecommendationAt {
  /** Where the recommendation starts. */
  pos: number;
  node: ProseMirrorNode;
}

/** The recommendation holding document position `pos`, if any (the preamble and headings are in none). */
export function recommendationAt(doc: ProseMirrorNode, pos: number): RecommendationAt | undefined {
  const $pos = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)));
  for (let depth = $pos.depth; depth > 0; depth -= 1) {
    if ($pos.node(depth).type.name === RECOMMENDATION_NODE) return { pos: $pos.before(depth), node: $pos.node(depth) };
  }
  return undefined;
}

/** The delegations that hold brackets in `node`, in the order their brackets appear. */
export function bracketHolders(node: ProseMirrorNode): string[] {
  const holders = new Set<string>();
  node.descendants((child) => {
    for (const mark of child.marks) {
      const { delegation } = mark.attrs as Partial<BracketAttributes>;
      if (mark.type.name === BRACKET_MARK && delegation) holders.add(delegation);
    }
  });
  return [...holders];
}

const key = new PluginKey<number | null>('currentRecommendation');

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    currentRecommendation: {
      /** Highlights the recommendation holding `pos` (null: none), e.g. the one the presenter is in. */
      setCurrentPosition: (pos: number | null) => ReturnType;
    };
  }
}

/**
 * Marks the recommendation that holds a position (the presenter's) with `data-current`, which the room screen draws
 * highlighted.
 */
export const CurrentRecommendation = Extension.create({
  name: 'currentRecommendation',

  addCommands() {
    return {
      setCurrentPosition:
        (pos) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(key, pos).setMeta('addToHistory', false);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<number | null>({
        key,
        state: {
          init: () => null,
          // Not mapped through changes: a remote change arrives as a replacement of the whole document (y-tiptap),
          // which would map the position to its edge. The caller re-resolves the presenter's relative position after
          // every change and sets it again whenever it moved.
          apply: (tr, pos) => {
            const set = tr.getMeta(key) as number | null | undefined;
            return set === undefined ? pos : set;
          },
        },
        props: {
          decorations: (state) => {
            const pos = key.getState(state);
            const found = pos === null || pos === undefined ? undefined : recommendationAt(state.doc, pos);
            return found ? DecorationSet.create(state.doc, [Decoration.node(found.pos, found.pos + found.node.nodeSize, { 'data-current': 'true' })]) : DecorationSet.empty;
          },
        },
      }),
    ];
  },
});
