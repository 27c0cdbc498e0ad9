import * as Y from 'yjs';
import { encodeThreadAnchor } from '../../../shared/editor/threadAnchorEncoding.ts';

/** Real Yjs relative positions around "words" in a paragraph, as the editor would send. */
export function anchors(): { anchorStart: string; anchorEnd: string } {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  doc.getXmlFragment('default').insert(0, [paragraph]);
  const text = new Y.XmlText('some words here');
  paragraph.insert(0, [text]);
  return {
    anchorStart: encodeThreadAnchor(Y.createRelativePositionFromTypeIndex(text, 5)),
    anchorEnd: encodeThreadAnchor(Y.createRelativePositionFromTypeIndex(text, 10, -1)),
  };
}
