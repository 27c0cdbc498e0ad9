import { applySuggestion, revertSuggestion, revertSuggestions } from '@handlewithcare/prosemirror-suggest-changes';
import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { BRACKET_MARK } from './bracket.ts';
import { RECOMMENDATION_NODE } from './recommendationNumbers.ts';
import { DELETION_MARK, INSERTION_MARK, type SuggestionKind, SUGGESTION_MARKS } from './suggestionKinds.ts';

/** One proposal (all the marks sharing its id) as the review list and the server see it. */
export interface SuggestionSummary {
  id: string;
  /** What it proposes: insertion, deletion, or both (a replacement), or a change of formatting. */
  kinds: SuggestionKind[];
  author: string | null;
  delegation: string | null;
  color: string | null;
  time: string | null;
  /** The text it would add. */
  inserted: string;
  /** The text it would remove. */
  deleted: string;
  /** The recommendation it is in (the first one, if it spans several), or null outside recommendations. */
  recommendationId: string | null;
}

/** Bracketed text: one pair of brackets (every mark sharing its id). */
export interface BracketSummary {
  id: string;
  delegation: string | null;
  time: string | null;
  text: string;
  recommendationId: string | null;
}

const isSuggestionMark = (mark: Mark) => (SUGGESTION_MARKS as readonly string[]).includes(mark.type.name);

/** Calls `visit` for each text node with the id of the recommendation it is in. */
function eachText(doc: ProseMirrorNode, visit: (node: ProseMirrorNode, pos: number, recommendationId: string | null) => void): void {
  const walk = (node: ProseMirrorNode, pos: number, recommendationId: string | null) => {
    node.forEach((child, offset) => {
      const childPos = pos + offset;
      if (child.isText) visit(child, childPos, recommendationId);
      else {
        const id = child.type.name === RECOMMENDATION_NODE && typeof child.attrs.id === 'string' ? child.attrs.id : recommendationId;
        walk(child, childPos + 1, id);
      }
    });
  };
  walk(doc, 0, null);
}

/** Every proposal in the document, in document order. */
export function listSuggestions(doc: ProseMirrorNode): SuggestionSummary[] {
  const byId = new Map<string, SuggestionSummary>();
  eachText(doc, (node, _pos, recommendationId) => {
    for (const mark of node.marks.filter(isSuggestionMark)) {
      if (mark.attrs.id === null || mark.attrs.id === undefined) continue;
      const id = String(mark.attrs.id);
      let summary = byId.get(id);
      if (!summary) {
        summary = {
          id,
          kinds: [],
          author: stringOrNull(mark.attrs.author),
          delegation: stringOrNull(mark.attrs.delegation),
          color: stringOrNull(mark.attrs.color),
          time: stringOrNull(mark.attrs.time),
          inserted: '',
          deleted: '',
          recommendationId,
        };
        byId.set(id, summary);
      }
      const kind = mark.type.name as SuggestionKind;
      if (!summary.kinds.includes(kind)) summary.kinds.push(kind);
      // The suggest-changes library anchors deletions at block ends with zero-width spaces: not text anyone wrote.
      const text = (node.text ?? '').replaceAll('\u200b', '');
      if (kind === INSERTION_MARK) summary.inserted += text;
      if (kind === DELETION_MARK) summary.deleted += text;
    }
  });
  return [...byId.values()];
}

/** Every pair of brackets in the document, in document order. */
export function listBrackets(doc: ProseMirrorNode): BracketSummary[] {
  const byId = new Map<string, BracketSummary>();
  eachText(doc, (node, _pos, recommendationId) => {
    const mark = node.marks.find((candidate) => candidate.type.name === BRACKET_MARK);
    if (!mark || mark.attrs.id === null) return;
    const id = String(mark.attrs.id);
    const summary = byId.get(id) ?? { id, delegation: stringOrNull(mark.attrs.delegation), time: stringOrNull(mark.attrs.time), text: '', recommendationId };
    summary.text += node.text ?? '';
    byId.set(id, summary);
  });
  return [...byId.values()];
}

export type SuggestionDecision = 'accept' | 'reject';

/**
 * The document with the proposals `ids` accepted (insertions kept as plain text, deletions removed) or rejected
 * (insertions removed, deletions kept as plain text). Ids not in the document are ignored.
 */
export function decideSuggestions(doc: ProseMirrorNode, ids: readonly string[], decision: SuggestionDecision): ProseMirrorNode {
  let state = EditorState.create({ doc });
  for (const id of ids) {
    const command = decision === 'accept' ? applySuggestion(id) : revertSuggestion(id);
    command(state, (tr) => {
      state = state.apply(tr);
    });
  }
  return state.doc;
}

/**
 * The text as if every proposal were rejected: what has been agreed so far (the clean export). Marks a client wrote
 * that the library cannot revert are reduced by hand, so an export never fails on them.
 */
export function withoutSuggestions(doc: ProseMirrorNode): ProseMirrorNode {
  let state = EditorState.create({ doc });
  try {
    revertSuggestions(state, (tr) => {
      state = state.apply(tr);
    });
    return stripSuggestionMarks(state.doc);
  } catch {
    return stripSuggestionMarks(dropInsertions(doc));
  }
}

function dropInsertions(doc: ProseMirrorNode): ProseMirrorNode {
  const tr = EditorState.create({ doc }).tr;
  const ranges: [number, number][] = [];
  eachText(doc, (node, pos) => {
    if (node.marks.some((mark) => mark.type.name === INSERTION_MARK)) ranges.push([pos, pos + node.nodeSize]);
  });
  for (const [from, to] of ranges.reverse()) tr.delete(from, to);
  return tr.doc;
}

/** Removes whatever suggestion marks remain (and the zero-width spaces the library used as anchors). */
function stripSuggestionMarks(doc: ProseMirrorNode): ProseMirrorNode {
  const tr = EditorState.create({ doc }).tr;
  for (const name of SUGGESTION_MARKS) {
    const type = doc.type.schema.marks[name];
    if (type) tr.removeMark(0, tr.doc.content.size, type);
  }
  const anchors: [number, number][] = [];
  eachText(tr.doc, (node, pos) => {
    const text = node.text ?? '';
    for (let index = text.indexOf('\u200b'); index !== -1; index = text.indexOf('\u200b', index + 1)) {
      anchors.push([pos + index, pos + index + 1]);
    }
  });
  for (const [from, to] of anchors.reverse()) tr.delete(from, to);
  return tr.doc;
}

/** The document without the bracket `id` (its text stays); `found` tells whether it was there. */
export function removeBracket(doc: ProseMirrorNode, id: string): { doc: ProseMirrorNode; found: boolean } {
  const tr = EditorState.create({ doc }).tr;
  let found = false;
  eachText(doc, (node, pos) => {
    const mark = node.marks.find((candidate) => candidate.type.name === BRACKET_MARK && String(candidate.attrs.id) === id);
    if (!mark) return;
    found = true;
    tr.removeMark(pos, pos + node.nodeSize, mark);
  });
  return { doc: tr.doc, found };
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
