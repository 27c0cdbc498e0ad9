import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Mapping } from '@tiptap/pm/transform';
import * as Y from 'yjs';

/** A node's child as y-tiptap stores it: a run of text nodes (one `Y.XmlText`) or any other node (a `Y.XmlElement`). */
type Child = ProseMirrorNode | ProseMirrorNode[];

/** A Yjs type of the fragment and the editor nodes it held before and holds after the edit. */
export interface PlacedPair {
  type: Y.XmlText | Y.XmlElement;
  before: Child;
  after: Child;
}

function childrenOf(node: ProseMirrorNode): Child[] {
  const children: Child[] = [];
  node.forEach((child) => {
    const last = children.at(-1);
    if (child.isText && Array.isArray(last)) last.push(child);
    else children.push(child.isText ? [child] : child);
  });
  return children;
}

const sizeOf = (child: Child) => (Array.isArray(child) ? child.reduce((size, text) => size + text.nodeSize, 0) : child.nodeSize);

const textOf = (run: ProseMirrorNode[]) => run.map((text) => text.text ?? '').join('');

const sameRun = (a: ProseMirrorNode[], b: ProseMirrorNode[]) => a.length === b.length && a.every((node, index) => node === b[index]);

/** The text of `type` when it holds only text (all that y-tiptap writes into one), else undefined. */
function plainText(type: Y.XmlText): string | undefined {
  let text = '';
  for (const op of type.toDelta() as { insert: unknown }[]) {
    if (typeof op.insert !== 'string') return undefined;
    text += op.insert;
  }
  return text;
}

/**
 * Where the token after `position` (a character, or a node's opening or closing) is after the edit, or null when the
 * edit replaced or deleted it.
 */
function keptAt(mapping: Mapping, position: number): number | null {
  let at = position;
  for (const map of mapping.maps) {
    let replaced = false;
    map.forEach((oldStart, oldEnd) => {
      if (oldStart <= at && at < oldEnd) replaced = true;
    });
    if (replaced) return null;
    at = map.map(at, 1);
  }
  return at;
}

/**
 * Replaces `deleted` characters at `index` of `type` with `text`. The new text goes after the first deleted character
 * and before the others: an anchor on a deleted character resolves to where that character was, so a thread that
 * starts on the first replaced character or ends on the last one (of two or more) keeps the new text inside, as the
 * editor's own mapping does (select a thread's first letter or last digits and type over them). Yjs alone would put
 * it after all of them.
 */
function replace(type: Y.XmlText, index: number, deleted: number, text: string): void {
  if (deleted === 0 || text === '') {
    if (deleted > 0) type.delete(index, deleted);
    if (text !== '') type.insert(index, text);
    return;
  }
  type.insert(index + 1, text);
  type.delete(index, 1);
  if (deleted > 1) type.delete(index + text.length, deleted - 1);
}

/**
 * Rewrites `type` from `before` to `after`, keeping each character the edit kept (by `mapping`) and deleting and
 * inserting only the others, at the places the edit changed. Returns false, having written nothing, when `type` does
 * not hold `before`.
 */
function placeRun(type: Y.XmlText, before: string, after: string, beforeStart: number, afterStart: number, mapping: Mapping): boolean {
  if (plainText(type) !== before) return false;
  let index = 0;
  let written = 0;
  let deleting = 0;
  for (let offset = 0; offset < before.length; offset++) {
    const kept = keptAt(mapping, beforeStart + offset);
    const target = kept === null ? -1 : kept - afterStart;
    if (target < written || target >= after.length || after[target] !== before[offset]) {
      deleting += 1;
      continue;
    }
    replace(type, index, deleting, after.slice(written, target));
    index += target - written + 1;
    written = target + 1;
    deleting = 0;
  }
  replace(type, index, deleting, after.slice(written));
  return true;
}

/** The same node before and after the edit: its opening and closing kept, where the new document has them. */
const keptNode = (old: ProseMirrorNode, now: ProseMirrorNode, beforeAt: number, afterAt: number, mapping: Mapping) =>
  now.type === old.type && keptAt(mapping, beforeAt) === afterAt && keptAt(mapping, beforeAt + old.nodeSize - 1) === afterAt + now.nodeSize - 1;

function placeChildren(
  parent: Y.XmlFragment | Y.XmlElement,
  before: ProseMirrorNode,
  after: ProseMirrorNode,
  positions: { before: number; after: number },
  mapping: Mapping,
  placed: PlacedPair[],
): void {
  // Block content maps one to one onto Yjs elements; unchanged blocks are the same objects and are skipped unread.
  const beforeChildren: readonly Child[] = before.inlineContent ? childrenOf(before) : before.children;
  const afterChildren: readonly Child[] = after.inlineContent ? childrenOf(after) : after.children;
  // Blocks added, removed, split or joined: y-tiptap's own pass writes those.
  if (parent.length !== beforeChildren.length || afterChildren.length !== beforeChildren.length) return;
  let beforeAt = positions.before;
  let afterAt = positions.after;
  beforeChildren.forEach((old, index) => {
    const now = afterChildren[index]!;
    if (old !== now) {
      const type = parent.get(index);
      if (Array.isArray(old) && Array.isArray(now) && type instanceof Y.XmlText && !sameRun(old, now)) {
        const oldText = textOf(old);
        const newText = textOf(now);
        if (oldText === newText || placeRun(type, oldText, newText, beforeAt, afterAt, mapping)) placed.push({ type, before: old, after: now });
      } else if (
        !Array.isArray(old) &&
        !Array.isArray(now) &&
        type instanceof Y.XmlElement &&
        type.nodeName === old.type.name &&
        keptNode(old, now, beforeAt, afterAt, mapping)
      ) {
        placed.push({ type, before: old, after: now });
        placeChildren(type, old, now, { before: beforeAt + 1, after: afterAt + 1 }, mapping, placed);
      }
    }
    beforeAt += sizeOf(old);
    afterAt += sizeOf(now);
  });
}

/**
 * Writes the text changes of an editor edit into `fragment` (which holds `before`, as y-tiptap wrote it) at the
 * places the edit made them, so that text typed next to a word never takes over that word's characters.
 *
 * y-tiptap writes the editor's new text as a diff against the old one that keeps their longest common start: a word
 * typed just before "share" that begins with "s" is stored as the old "s" followed by the new "wiftly s", so
 * everything tied to the first character of "share" (a comment thread's start) moves to "swiftly". Only the text of
 * blocks that the edit kept is written here, with Yjs's own delete and insert; formatting, attributes and every
 * structural change are left to y-tiptap's pass, which finds this text already in place.
 *
 * Returns each Yjs type walked with its editor content before and after, so that the caller can point y-tiptap's
 * mapping at the new content where y-tiptap's pass left it on the old.
 */
export function placeTextEdits(fragment: Y.XmlFragment, before: ProseMirrorNode, after: ProseMirrorNode, mapping: Mapping): PlacedPair[] {
  const placed: PlacedPair[] = [];
  fragment.doc?.transact(() => placeChildren(fragment, before, after, { before: 0, after: 0 }, mapping, placed));
  return placed;
}
