import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { wordingParagraphs } from '../domain/wordingParagraphs.ts';
import { RECOMMENDATION_NODE } from './recommendationNumbers.ts';

/** A recommendation's words as plain text, one line per paragraph or list item (how an alternative is written). */
export function recommendationWording(node: ProseMirrorNode): string {
  return node.textBetween(0, node.content.size, '\n', ' ').replaceAll('\u200b', '').trim();
}

/**
 * The document with the words of recommendation `recommendationId` replaced by `text` (its paragraphs, each given an
 * id by `newId`), and the words it had; undefined when the document has no such recommendation. The recommendation
 * keeps its id, so its number, status, reservations and comments stay with it.
 */
export function replaceRecommendationWording(
  doc: ProseMirrorNode,
  recommendationId: string,
  text: string,
  newId: () => string,
): { doc: ProseMirrorNode; previous: string } | undefined {
  let found: { node: ProseMirrorNode; pos: number } | undefined;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (node.type.name !== RECOMMENDATION_NODE) return true;
    if (node.attrs.id === recommendationId) found = { node, pos };
    return false;
  });
  if (!found) return undefined;
  const { schema } = doc.type;
  const paragraphs = wordingParagraphs(text).map((line) => schema.nodes.paragraph!.create({ id: newId() }, schema.text(line)));
  if (paragraphs.length === 0) paragraphs.push(schema.nodes.paragraph!.create({ id: newId() }));
  const transform = new Transform(doc).replaceWith(found.pos + 1, found.pos + found.node.nodeSize - 1, paragraphs);
  return { doc: transform.doc, previous: recommendationWording(found.node) };
}
