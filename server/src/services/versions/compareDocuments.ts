import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { diffArrays, diffWords } from 'diff';
import type { DiffBlock, DiffSegment, RecommendationChange } from '../../../../shared/api/versions.ts';
import type { StableNumber } from '../../../../shared/domain/stableNumbers.ts';
import { RECOMMENDATION_NODE, recommendationNumbers } from '../../../../shared/editor/recommendationNumbers.ts';
import { textDirection } from '../../../../shared/editor/textDirection.ts';

interface Block {
  /** What makes two blocks "the same block" across versions: a recommendation's id and place in it, else its text. */
  key: string;
  type: string;
  text: string;
  recommendation: StableNumber | null;
}

/** A text to compare, with the numbers locked in it (null while numbers were positions). */
export interface NumberedText {
  doc: ProseMirrorNode;
  numbers: ReadonlyMap<string, StableNumber> | null;
}

interface Recommendation {
  id: string;
  number: StableNumber | null;
  text: string;
}

/** Every text block in document order, tagged with the recommendation (id and number) it belongs to. */
function blocksOf({ doc, numbers: locked }: NumberedText): { blocks: Block[]; recommendations: Map<string, Recommendation> } {
  const numbers = recommendationNumbers(doc, locked);
  const blocks: Block[] = [];
  const recommendations = new Map<string, Recommendation>();
  doc.forEach((node, offset) => {
    if (node.type.name === RECOMMENDATION_NODE) {
      const number = numbers.get(offset)?.number ?? null;
      const id = String(node.attrs.id ?? `#${offset}`);
      let index = 0;
      node.descendants((child) => {
        if (!child.isTextblock) return true;
        blocks.push({ key: `rec:${id}:${index++}`, type: 'recommendation', text: child.textContent, recommendation: number });
        return false;
      });
      recommendations.set(id, { id, number, text: node.textBetween(0, node.content.size, '\n') });
      return;
    }
    node.descendants((child) => {
      if (!child.isTextblock) return true;
      blocks.push({ key: `${child.type.name}:${child.textContent}`, type: child.type.name, text: child.textContent, recommendation: null });
      return false;
    });
    if (node.isTextblock) {
      blocks.push({ key: `${node.type.name}:${node.textContent}`, type: node.type.name, text: node.textContent, recommendation: null });
    }
  });
  return { blocks, recommendations };
}

const whole = (op: DiffSegment['op'], text: string): DiffSegment[] => (text ? [{ op, text }] : []);

// Unicode word boundaries: the default regex split treats Arabic letters as separate tokens, which would highlight
// parts of words and break their joining.
const words = new Intl.Segmenter(undefined, { granularity: 'word' });

const wordDiff = (before: string, after: string): DiffSegment[] =>
  diffWords(before, after, { intlSegmenter: words }).map((part) => ({
    op: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }));

const block = (of: Block, change: DiffBlock['change'], segments: DiffSegment[]): DiffBlock => ({
  type: of.type,
  change,
  recommendation: of.recommendation,
  dir: textDirection(of.text),
  segments,
});

/**
 * Compares two versions of a document: every block with its inserted and deleted words, and the list of
 * recommendations added, removed or changed. Blocks are matched by recommendation id, else by their text; a removed
 * block directly followed by an added one is shown as one changed block.
 */
export function compareDocuments(older: NumberedText, newer: NumberedText): { blocks: DiffBlock[]; recommendations: RecommendationChange[] } {
  const before = blocksOf(older);
  const after = blocksOf(newer);
  const olderByKey = new Map(before.blocks.map((candidate) => [candidate.key, candidate]));
  const blocks: DiffBlock[] = [];
  let pendingRemoved: Block[] = [];

  const flushRemoved = () => {
    for (const removed of pendingRemoved) blocks.push(block(removed, 'removed', whole('removed', removed.text)));
    pendingRemoved = [];
  };

  for (const part of diffArrays(before.blocks, after.blocks, { comparator: (a, b) => a.key === b.key })) {
    if (part.removed) {
      flushRemoved();
      pendingRemoved = [...part.value];
      continue;
    }
    if (part.added) {
      for (const added of part.value) {
        const removed = pendingRemoved.shift();
        blocks.push(removed ? block(added, 'changed', wordDiff(removed.text, added.text)) : block(added, 'added', whole('added', added.text)));
      }
      flushRemoved();
      continue;
    }
    flushRemoved();
    for (const kept of part.value) {
      const previous = olderByKey.get(kept.key);
      const changed = previous !== undefined && previous.text !== kept.text;
      blocks.push(block(kept, changed ? 'changed' : 'same', changed ? wordDiff(previous.text, kept.text) : whole('same', kept.text)));
    }
  }
  flushRemoved();

  const recommendations: RecommendationChange[] = [];
  for (const [id, now] of after.recommendations) {
    const then = before.recommendations.get(id);
    if (!then) recommendations.push({ id, change: 'added', from: null, to: now.number, text: now.text });
    else if (then.text !== now.text) recommendations.push({ id, change: 'changed', from: then.number, to: now.number, text: now.text });
  }
  for (const [id, then] of before.recommendations) {
    if (!after.recommendations.has(id)) recommendations.push({ id, change: 'removed', from: then.number, to: null, text: then.text });
  }
  return { blocks, recommendations };
}
