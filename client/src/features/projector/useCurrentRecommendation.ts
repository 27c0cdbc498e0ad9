import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import { bracketHolders, recommendationAt } from './currentRecommendation.ts';

/** What the room screen says about the recommendation the presenter is in. */
export interface CurrentRecommendation {
  /** Its id: the same recommendation while positions shift around it. */
  id: string | null;
  pos: number;
  /** As the text shows it (e.g. "Recommendation 4"): the same label, whatever numbering the document uses. */
  label: string;
  /** The consensus status and its label, as the badge in the text shows them. */
  status: string | undefined;
  statusLabel: string | undefined;
  /** Delegations holding brackets in it. */
  brackets: string[];
}

function read(editor: Editor, position: number | null): CurrentRecommendation | undefined {
  if (position === null || editor.isDestroyed) return undefined;
  const found = recommendationAt(editor.state.doc, position);
  if (!found) return undefined;
  // The label and the badge are decorations on the recommendation's element: read back what the text shows.
  const element = editor.view.nodeDOM(found.pos);
  const data = element instanceof HTMLElement ? element.dataset : {};
  return {
    id: typeof found.node.attrs.id === 'string' ? found.node.attrs.id : null,
    pos: found.pos,
    label: data.label ?? '',
    status: data.consensus,
    statusLabel: data.consensusLabel,
    brackets: bracketHolders(found.node),
  };
}

/**
 * The recommendation holding `position`, highlighted in `editor` and described for the screen's band, following edits,
 * renumbering, status changes and language switches (every transaction redraws the decorations it reads).
 */
export function useCurrentRecommendation(editor: Editor, position: number | null): CurrentRecommendation | undefined {
  const [current, setCurrent] = useState<CurrentRecommendation | undefined>(undefined);
  useEffect(() => {
    if (!editor.isDestroyed) editor.commands.setCurrentPosition(position);
    const refresh = () => {
      const next = read(editor, position);
      setCurrent((previous) => (JSON.stringify(previous) === JSON.stringify(next) ? previous : next));
    };
    refresh();
    editor.on('transaction', refresh);
    return () => {
      editor.off('transaction', refresh);
    };
  }, [editor, position]);
  return current;
}
