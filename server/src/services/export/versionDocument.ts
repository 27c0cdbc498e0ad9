import type { Node as ProseMirrorNode, Schema } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { blockWording, sourceBlocks } from '../../../../shared/editor/alignedBlocks.ts';
import { translationOf } from '../../../../shared/editor/translationStatus.ts';

/**
 * A language version as a document of the editor schema, for export: the source's blocks in the source's order, each
 * with the source's kind, level and id (so recommendation numbers are the source's) and the translation inside. A
 * block without translation keeps its kind and holds `untranslated` in italics (or nothing, for a comparison); a source
 * block with no words stays empty. One top-level block per source block, so every language of a parallel export lines up.
 */
export function versionDocument(source: ProseMirrorNode, versionState: Uint8Array, schema: Schema, untranslated?: string): ProseMirrorNode {
  const version = new Y.Doc();
  try {
    Y.applyUpdate(version, versionState);
    const marker = () => [schema.nodes.paragraph!.create(null, untranslated ? schema.text(untranslated, [schema.marks.italic!.create()]) : null)];
    const blocks = sourceBlocks(source).map(({ id, node }) => {
      if (blockWording(node).length === 0) return node;
      const translation = id ? translationOf(version, id, schema) : null;
      const inside = translation && blockWording(translation).length > 0 ? childrenOf(translation) : marker();
      return translatedBlock(node, inside, schema);
    });
    return schema.topNodeType.create(null, blocks);
  } finally {
    version.destroy();
  }
}

function childrenOf(node: ProseMirrorNode): ProseMirrorNode[] {
  const children: ProseMirrorNode[] = [];
  node.forEach((child) => children.push(child));
  return children;
}

/** The inline content of `blocks`' textblocks, paragraphs joined by line breaks (a heading is one line of text). */
function inlineOf(blocks: readonly ProseMirrorNode[], schema: Schema): ProseMirrorNode[] {
  const inline: ProseMirrorNode[] = [];
  const take = (textblock: ProseMirrorNode) => {
    if (inline.length > 0) inline.push(schema.nodes.hardBreak!.create());
    textblock.forEach((piece) => inline.push(piece));
  };
  for (const block of blocks) {
    if (block.isTextblock) take(block);
    else
      block.descendants((child) => {
        if (!child.isTextblock) return true;
        take(child);
        return false;
      });
  }
  return inline;
}

function translatedBlock(source: ProseMirrorNode, inside: ProseMirrorNode[], schema: Schema): ProseMirrorNode {
  switch (source.type.name) {
    case 'heading':
    case 'paragraph':
      return source.type.create(source.attrs, inlineOf(inside, schema));
    case 'bulletList':
    case 'orderedList': {
      // A list translated as a list keeps its items; anything else becomes one item holding it.
      const list = inside.length === 1 && inside[0]!.type === source.type ? inside[0]! : null;
      return list ?? source.type.create(source.attrs, schema.nodes.listItem!.create(null, inside));
    }
    default:
      // Recommendations and quotations hold blocks: the translated paragraphs and lists.
      return source.type.create(source.attrs, inside);
  }
}
