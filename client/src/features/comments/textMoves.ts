import { ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { type TextMove, textMovesOf } from '../../../../shared/editor/textMoves.ts';

// Records this person's splits and joins, for thread anchors to follow (shared/editor/textMoves.ts says why).

/** Marks the transactions that write the records, so they are neither recorded again nor undone with the edit. */
const textMovesOrigin = Symbol('textMoves');

interface TextRun {
  items: Y.Item[];
  text: string;
}

const isTextItem = (struct: unknown): struct is Y.Item =>
  struct instanceof Y.Item && struct.content instanceof Y.ContentString && struct.parent instanceof Y.XmlText;

/** `items` grouped into runs that read continuously in their paragraph (formatting items and older deletions skipped). */
function runsOf(items: ReadonlySet<Y.Item>): TextRun[] {
  const runs: TextRun[] = [];
  const parents = new Set([...items].map((item) => item.parent as Y.XmlText));
  for (const parent of parents) {
    let run: TextRun | undefined;
    for (let item = parent._start; item !== null; item = item.right) {
      if (items.has(item)) {
        run ??= { items: [], text: '' };
        run.items.push(item);
        run.text += (item.content as Y.ContentString).str;
      } else if (!item.deleted && item.countable && run) {
        runs.push(run);
        run = undefined;
      }
    }
    if (run) runs.push(run);
  }
  return runs;
}

/** The id of each character of `run`, in reading order. */
const characterIds = (run: TextRun) =>
  run.items.flatMap((item) => Array.from({ length: item.length }, (_, offset) => Y.createID(item.id.client, item.id.clock + offset)));

/** Pairs the characters of `to` with those of `from` starting `offset` characters in, as runs of consecutive ids. */
function pairRuns(from: TextRun, offset: number, to: TextRun): TextMove[] {
  const sources = characterIds(from).slice(offset);
  const moves: TextMove[] = [];
  for (const [index, target] of characterIds(to).entries()) {
    const source = sources[index];
    if (!source) break;
    const last = moves.at(-1);
    const continues =
      last && last[0] === source.client && last[1] + last[2] === source.clock && last[3] === target.client && last[4] + last[2] === target.clock;
    if (continues) last[2] += 1;
    else moves.push([source.client, source.clock, 1, target.client, target.clock]);
  }
  return moves;
}

/** The moves of one editor transaction: inserted runs paired with the deleted runs they copy. */
function movesOf(transaction: Y.Transaction, doc: Y.Doc): TextMove[] {
  let paragraphsChanged = false;
  const deleted = new Set<Y.Item>();
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (isTextItem(struct)) deleted.add(struct);
    else if (struct instanceof Y.Item && struct.content instanceof Y.ContentType) paragraphsChanged = true;
  });
  const inserted = new Set<Y.Item>();
  const structs = doc.store.clients.get(doc.clientID) ?? [];
  const firstNew = transaction.beforeState.get(doc.clientID) ?? 0;
  const createdAny = Y.getState(doc.store, doc.clientID) > firstNew;
  for (const struct of createdAny ? structs.slice(Y.findIndexSS(structs, firstNew)) : []) {
    if (isTextItem(struct) && !struct.deleted) inserted.add(struct);
    else if (struct instanceof Y.Item && struct.content instanceof Y.ContentType) paragraphsChanged = true;
  }
  // Only splits and joins move text; pairing the text of ordinary typing with what it replaced would be guesswork.
  if (!paragraphsChanged || deleted.size === 0 || inserted.size === 0) return [];
  const sources = runsOf(deleted);
  return runsOf(inserted).flatMap((copy) => {
    const source = sources.find((run) => run.text.includes(copy.text));
    if (!source) return [];
    // A split moves the end of a paragraph and a join the whole of one: prefer the copy's last occurrence.
    return pairRuns(source, source.text.lastIndexOf(copy.text), copy);
  });
}

/** The editors recording each document: a language version has one editor per block, and one recorder for them all. */
const recorders = new WeakMap<Y.Doc, { editors: number; stop: () => void }>();

/**
 * Records the text moved by this person's own splits and joins (each client records its own, once, however many
 * editors it has on `doc`). Returns the function that stops recording (for this editor).
 */
export function recordTextMoves(doc: Y.Doc): () => void {
  const existing = recorders.get(doc);
  if (existing) existing.editors += 1;
  else recorders.set(doc, { editors: 1, stop: startRecording(doc) });
  return () => {
    const recorder = recorders.get(doc);
    if (!recorder || --recorder.editors > 0) return;
    recorder.stop();
    recorders.delete(doc);
  };
}

function startRecording(doc: Y.Doc): () => void {
  const onTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin !== ySyncPluginKey) return;
    const moves = movesOf(transaction, doc);
    // Written after y-tiptap's transaction has finished: writing while Yjs is still cleaning it up makes y-tiptap
    // lose the new paragraph (seen in Chromium: a split dropped its second half).
    if (moves.length > 0) queueMicrotask(() => doc.transact(() => textMovesOf(doc).push(moves), textMovesOrigin));
  };
  doc.on('afterTransaction', onTransaction);
  return () => doc.off('afterTransaction', onTransaction);
}
