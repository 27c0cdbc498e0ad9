import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';

/**
 * Thread anchors are Yjs relative positions in the document's `Y.XmlFragment('default')`, kept outside the Y.Doc so
 * that a restricted thread leaves no trace in the shared text. They travel and are stored as base64.
 */
export function encodeThreadAnchor(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

/**
 * The relative position in `anchor`, or undefined when it is not one. Yjs decodes some garbage without complaint, so
 * only what encodes back to the same text counts.
 */
export function decodeThreadAnchor(anchor: string): Y.RelativePosition | undefined {
  try {
    const position = Y.decodeRelativePosition(fromBase64(anchor));
    return encodeThreadAnchor(position) === anchor ? position : undefined;
  } catch {
    return undefined;
  }
}
