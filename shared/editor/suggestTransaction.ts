import { transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import type { Mark } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { SUGGESTION_MARKS } from './suggestionKinds.ts';
import type { SuggestionAuthor } from './suggestionMarks.ts';

export interface SuggestOptions {
  author: SuggestionAuthor;
  /** ISO 8601 time of the proposal. */
  now: string;
  /** A fresh id, unique across clients (the library's default numbering collides between peers). */
  newId: () => string;
}

const personOf = (mark: Mark) => `${String(mark.attrs.delegation)}\u0000${String(mark.attrs.author)}`;

/**
 * Turns a person's edit into a proposal: the suggest-changes library rewrites the transaction so deletions become
 * deletion marks and insertions insertion marks (with only an id); this then gives every new mark its author,
 * delegation, colour and time. Text joining a proposal of the same person takes that proposal's id and attributes
 * (one proposal per stretch of typing); the library also joins a neighbouring proposal of someone else, which would
 * merge two delegations' proposals, so such text gets an id of its own instead.
 */
export function suggestTransaction(tr: Transaction, state: EditorState, { author, now, newId }: SuggestOptions): Transaction {
  const tracked = transformToSuggestionTransaction(tr, state, () => newId());
  const markTypes = SUGGESTION_MARKS.map((name) => tracked.doc.type.schema.marks[name]).filter((type) => type !== undefined);

  // Complete marks (made before, by anyone) by id, to tell "extending my proposal" from "next to someone else's".
  const existing = new Map<string, Mark>();
  const incomplete: { from: number; to: number; mark: Mark }[] = [];
  tracked.doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      if (!markTypes.includes(mark.type)) continue;
      if (mark.attrs.author === null) incomplete.push({ from: pos, to: pos + node.nodeSize, mark });
      else if (mark.attrs.id !== null) existing.set(`${mark.type.name}:${String(mark.attrs.id)}`, mark);
    }
    return false;
  });
  if (incomplete.length === 0) return tracked;

  const me = `${author.delegation}\u0000${author.author}`;
  const renamed = new Map<string, string>();
  for (const { from, to, mark } of incomplete) {
    const id = String(mark.attrs.id);
    const sameKind = existing.get(`${mark.type.name}:${id}`);
    const anyKind = [...existing.values()].find((candidate) => String(candidate.attrs.id) === id);
    const owner = sameKind ?? anyKind;
    let attrs: Record<string, unknown>;
    if (owner && personOf(owner) === me) {
      attrs = { ...mark.attrs, id: owner.attrs.id, author: owner.attrs.author, delegation: owner.attrs.delegation, color: owner.attrs.color, time: owner.attrs.time };
    } else {
      let ownId = id;
      if (owner) {
        ownId = renamed.get(id) ?? newId();
        renamed.set(id, ownId);
      }
      attrs = { ...mark.attrs, id: ownId, ...author, time: now };
    }
    tracked.removeMark(from, to, mark);
    tracked.addMark(from, to, mark.type.create(attrs));
  }
  return tracked;
}
