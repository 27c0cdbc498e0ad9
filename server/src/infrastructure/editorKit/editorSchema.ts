import { getSchema } from '@tiptap/core';
import type { Node as ProseMirrorNode, Schema } from '@tiptap/pm/model';
import { initProseMirrorDoc, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { EDITOR_FRAGMENT } from '../../../../shared/protocol/documentFragment.ts';
import { schemaExtensions } from '../../../../shared/editor/schemaExtensions.ts';
import { type ThreadRange, resolveAnchors } from '../../../../shared/editor/threadRange.ts';

export { EDITOR_FRAGMENT };

let schema: Schema | undefined;

/** The ProseMirror schema of the shared editor extensions (immutable, so built once). */
export function editorSchema(): Schema {
  schema ??= getSchema(schemaExtensions());
  return schema;
}

/** A document's text as a ProseMirror node, from its Yjs state, without a DOM. Unknown nodes are dropped by the schema. */
export function proseMirrorOf(state: Uint8Array): ProseMirrorNode {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(EDITOR_FRAGMENT), editorSchema());
  } finally {
    doc.destroy();
  }
}

/**
 * A document's text as `proseMirrorOf` gives it, and where each comment thread's words are in it (null when they are
 * all gone), resolved as the editor resolves them.
 */
export function proseMirrorWithThreads(
  state: Uint8Array,
  anchors: readonly { anchorStart: string; anchorEnd: string }[],
): { doc: ProseMirrorNode; ranges: (ThreadRange | null)[] } {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, state);
    const type = ydoc.getXmlFragment(EDITOR_FRAGMENT);
    const { doc, mapping } = initProseMirrorDoc(type, editorSchema());
    return { doc, ranges: anchors.map((anchor) => resolveAnchors({ doc: ydoc, type, mapping }, doc, anchor)) };
  } finally {
    ydoc.destroy();
  }
}
