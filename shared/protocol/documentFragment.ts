import * as Y from 'yjs';

/** The Y.XmlFragment Tiptap's Collaboration extension edits by default: a document's text. */
export const EDITOR_FRAGMENT = 'default';

/**
 * The Yjs state a new document starts from: one empty paragraph that already has its block id. Stored empty, every
 * editor that opened it would write a first paragraph of its own (the schema needs one and UniqueID gives it an id),
 * and two delegates opening a new document together would both see a stray empty paragraph at its top.
 */
export function newDocumentState(paragraphId: string): Uint8Array {
  const doc = new Y.Doc();
  try {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.setAttribute('id', paragraphId);
    doc.getXmlFragment(EDITOR_FRAGMENT).insert(0, [paragraph]);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
