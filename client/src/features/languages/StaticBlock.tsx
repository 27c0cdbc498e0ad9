import { DOMSerializer, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { useLayoutEffect, useRef } from 'react';
import { documentSchema } from './useAlignedRows.ts';

/** A block rendered read-only with the editor's own HTML (headings, lists, recommendations), without an editor. */
export function StaticBlock({ node, lang, dir }: { node: ProseMirrorNode; lang?: string; dir?: 'ltr' | 'rtl' | 'auto' }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = useRef<ProseMirrorNode | null>(null);
  useLayoutEffect(() => {
    const target = ref.current;
    // Rows are recomputed on every change of either text; most blocks did not change.
    if (!target || shown.current?.eq(node)) return;
    shown.current = node;
    const serializer = DOMSerializer.fromSchema(documentSchema());
    target.replaceChildren(node.type.name === 'doc' ? serializer.serializeFragment(node.content) : serializer.serializeNode(node));
  }, [node]);
  return <div ref={ref} className="side-by-side__block" lang={lang} dir={dir ?? 'auto'} />;
}
