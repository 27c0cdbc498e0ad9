import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { useEffect, useMemo, useState } from 'react';
import type { CompiledRecommendation } from '../../../../shared/domain/compilation.ts';
import { type CompilationRecords, compileDocument } from '../../../../shared/editor/compileDocument.ts';
import { useRecommendations } from '../../lib/useRecommendations.ts';

/** The editor's document, following its changes at most once per frame while `active` (and not at all otherwise). */
function useLiveDoc(editor: Editor, active: boolean): ProseMirrorNode {
  const [doc, setDoc] = useState(() => editor.state.doc);
  useEffect(() => {
    if (!active) return;
    let frame = 0;
    const refresh = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        // Documents are immutable: a transaction that only moves a caret gives the same one, and no new render.
        if (!editor.isDestroyed) setDoc(editor.state.doc);
      });
    };
    refresh();
    editor.on('transaction', refresh);
    return () => {
      cancelAnimationFrame(frame);
      editor.off('transaction', refresh);
    };
  }, [editor, active]);
  return doc;
}

/**
 * The compilation of proposals of the live text, numbered as the editor shows it, by the same rule as the export. It is
 * worked out only while `active` (the panel is open): it reverts every proposal, too much to do at each keystroke unseen.
 */
export function useCompilation(editor: Editor, active: boolean, records: CompilationRecords): CompiledRecommendation[] {
  const doc = useLiveDoc(editor, active);
  const recommendations = useRecommendations(editor);
  return useMemo(() => {
    if (!active) return [];
    const numbers = new Map(recommendations.map((entry) => [entry.id, entry.number]));
    return compileDocument(doc, (id) => numbers.get(id), records);
  }, [active, doc, recommendations, records]);
}
