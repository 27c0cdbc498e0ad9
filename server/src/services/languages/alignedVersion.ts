import { randomUUID } from 'node:crypto';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { ALIGNED_BLOCK_TYPES } from '../../../../shared/editor/alignedBlocks.ts';
import { alignVersion, type AlignedRow } from '../../../../shared/editor/translationStatus.ts';
import { EDITOR_FRAGMENT, editorSchema, proseMirrorOf } from '../../infrastructure/editorKit/editorSchema.ts';

export interface AlignedVersion {
  source: ProseMirrorNode;
  rows: AlignedRow[];
}

/** The stored source beside the stored version, block by block with statuses. */
export function alignStoredVersion(sourceState: Uint8Array, versionState: Uint8Array): AlignedVersion {
  const source = proseMirrorOf(sourceState);
  const version = new Y.Doc();
  try {
    Y.applyUpdate(version, versionState);
    return { source, rows: alignVersion(source, version, editorSchema()) };
  } finally {
    version.destroy();
  }
}

/**
 * Gives every top-level block of the source its own id: blocks written before all kinds had one, and later copies of
 * an id. Alignment keys translations by these ids; ids a browser gives concurrently win or lose as one attribute.
 */
export function giveBlockIds(doc: Y.Doc): void {
  const seen = new Set<string>();
  for (const child of doc.getXmlFragment(EDITOR_FRAGMENT).toArray()) {
    if (!(child instanceof Y.XmlElement) || !ALIGNED_BLOCK_TYPES.includes(child.nodeName)) continue;
    const id = child.getAttribute('id');
    if (typeof id === 'string' && id.length > 0 && !seen.has(id)) {
      seen.add(id);
      continue;
    }
    const fresh = randomUUID();
    seen.add(fresh);
    child.setAttribute('id', fresh);
  }
}
