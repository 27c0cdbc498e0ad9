import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { useEffect, useState } from 'react';
import type { EditorState } from '@tiptap/pm/state';
import { shownRecommendationNumbers } from '../../../shared/editor/recommendationLabels.ts';
import { RECOMMENDATION_NODE } from '../../../shared/editor/recommendationNumbers.ts';

export interface RecommendationEntry {
  id: string;
  /** Its number as the editor shows it: "4", "4bis", "4 مكرراً" (ADR 0008). */
  number: string;
  /** Not numbered by the server yet (locked numbering): the number it will most likely get. */
  provisional: boolean;
  /** Where the recommendation starts in the editor, to jump to it. */
  pos: number;
  /** Where it ends. */
  end: number;
  /** Its first words. */
  excerpt: string;
}

const EXCERPT_LENGTH = 60;

function recommendationsOf(state: EditorState): RecommendationEntry[] {
  const entries: RecommendationEntry[] = [];
  const numbers = shownRecommendationNumbers(state);
  state.doc.descendants((node: ProseMirrorNode, pos) => {
    if (node.type.name !== RECOMMENDATION_NODE) return true;
    const shown = numbers.get(pos);
    const text = node.textBetween(0, node.content.size, ' ', ' ').trim();
    const excerpt = text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH).replace(/\s+\S*$/, '')}…` : text;
    // A recommendation without an id yet (just created, UniqueID about to set it) cannot carry a status.
    if (typeof node.attrs.id === 'string') {
      entries.push({ id: node.attrs.id, number: shown?.text ?? '', provisional: shown?.provisional ?? false, pos, end: pos + node.nodeSize, excerpt });
    }
    return false;
  });
  return entries;
}

const same = (a: readonly RecommendationEntry[], b: readonly RecommendationEntry[]) =>
  a.length === b.length && a.every((entry, i) => entry.id === b[i]!.id && entry.number === b[i]!.number && entry.provisional === b[i]!.provisional && entry.pos === b[i]!.pos && entry.end === b[i]!.end && entry.excerpt === b[i]!.excerpt);

/** The recommendations of the editor's document in order, following every change (at most once per frame). */
export function useRecommendations(editor: Editor): readonly RecommendationEntry[] {
  const [entries, setEntries] = useState<readonly RecommendationEntry[]>(() => recommendationsOf(editor.state));
  useEffect(() => {
    let frame = 0;
    const refresh = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (editor.isDestroyed) return;
        const next = recommendationsOf(editor.state);
        setEntries((previous) => (same(previous, next) ? previous : next));
      });
    };
    refresh();
    editor.on('update', refresh);
    editor.on('transaction', refresh);
    return () => {
      cancelAnimationFrame(frame);
      editor.off('update', refresh);
      editor.off('transaction', refresh);
    };
  }, [editor]);
  return entries;
}

/** The recommendation holding document position `pos`, if any. */
export function recommendationAtPos(entries: readonly RecommendationEntry[], pos: number): RecommendationEntry | undefined {
  return entries.find((entry) => entry.pos < pos && pos < entry.end);
}

/** The number of the recommendation holding document position `pos`, if any. */
export function recommendationNumberAt(entries: readonly RecommendationEntry[], pos: number): string | undefined {
  return recommendationAtPos(entries, pos)?.number;
}
