import * as Y from 'yjs';
import { SUGGESTION_MARKS } from '../../../../shared/editor/suggestionKinds.ts';

/**
 * y-tiptap stores a mark as a formatting attribute named after it, or `name--hash` for marks that may overlap. A
 * proposal is a suggestion mark: its attributes carry the proposal's id.
 */
function proposalIdOf(content: Y.ContentFormat): string | undefined {
  if (content.value === null || typeof content.value !== 'object') return undefined;
  const named = SUGGESTION_MARKS.some((mark) => content.key === mark || content.key.startsWith(`${mark}--`));
  if (!named) return undefined;
  const id = (content.value as { id?: unknown }).id;
  return typeof id === 'string' ? id : '';
}

function proposalIds(structs: Iterable<Y.Item | Y.GC | Y.Skip>, into: Set<string>): Set<string> {
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentFormat)) continue;
    const id = proposalIdOf(struct.content);
    if (id !== undefined) into.add(id);
  }
  return into;
}

/**
 * Whether `update` opens a proposal that `doc` does not hold yet. Formatting that repeats an existing proposal's mark
 * (a paragraph split inside it, its author's own later edits) is not a new proposal. Throws on a malformed update.
 */
export function opensProposal(update: Uint8Array, doc: Y.Doc): boolean {
  const incoming = proposalIds(Y.decodeUpdate(update).structs, new Set());
  if (incoming.size === 0) return false;
  const existing = new Set<string>();
  for (const structs of doc.store.clients.values()) proposalIds(structs, existing);
  return [...incoming].some((id) => !existing.has(id));
}
