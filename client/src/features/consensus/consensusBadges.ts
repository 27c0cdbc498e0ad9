import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { type ConsensusStatus, DEFAULT_CONSENSUS_STATUS } from '../../../../shared/domain/consensus.ts';
import { RECOMMENDATION_NODE } from '../../../../shared/editor/recommendationNumbers.ts';

/** The badge text of a status in the reader's language. */
type StatusLabel = (status: ConsensusStatus) => string;

interface BadgeState {
  statuses: ReadonlyMap<string, ConsensusStatus>;
  label: StatusLabel | undefined;
  decorations: DecorationSet;
}

const key = new PluginKey<BadgeState>('consensusBadges');

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    consensusBadges: {
      /** Replaces the statuses shown on recommendations (by recommendation id) and their labels. */
      setConsensusStatuses: (statuses: ReadonlyMap<string, ConsensusStatus>, label: StatusLabel) => ReturnType;
    };
  }
}

/**
 * Shows each recommendation's consensus status as `data-consensus` / `data-consensus-label` decorations (drawn as a
 * badge by CSS). Statuses live on the server, never in the document, so they are decorations, like the numbers.
 */
export const ConsensusBadges = Extension.create({
  name: 'consensusBadges',

  addCommands() {
    return {
      setConsensusStatuses:
        (statuses, label) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(key, { statuses, label }).setMeta('addToHistory', false);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const decorate = (doc: ProseMirrorNode, statuses: ReadonlyMap<string, ConsensusStatus>, label: StatusLabel | undefined) => {
      const decorations: Decoration[] = [];
      doc.descendants((node, pos) => {
        if (node.type.name !== RECOMMENDATION_NODE) return true;
        const status = (typeof node.attrs.id === 'string' && statuses.get(node.attrs.id)) || DEFAULT_CONSENSUS_STATUS;
        // Until the board has given labels (and statuses), recommendations carry no badge.
        if (label) decorations.push(Decoration.node(pos, pos + node.nodeSize, { 'data-consensus': status, 'data-consensus-label': label(status) }));
        return false;
      });
      return DecorationSet.create(doc, decorations);
    };
    return [
      new Plugin<BadgeState>({
        key,
        state: {
          init: () => ({ statuses: new Map(), label: undefined, decorations: DecorationSet.empty }),
          apply: (tr, previous) => {
            const meta = tr.getMeta(key) as { statuses: ReadonlyMap<string, ConsensusStatus>; label: StatusLabel } | undefined;
            if (!meta && !tr.docChanged) return previous;
            const { statuses, label } = meta ?? previous;
            return { statuses, label, decorations: decorate(tr.doc, statuses, label) };
          },
        },
        props: { decorations: (state) => key.getState(state)?.decorations },
      }),
    ];
  },
});
