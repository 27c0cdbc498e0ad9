import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { textMovesOf } from '../../../../shared/editor/textMoves.ts';
import type { ThreadRange } from '../../../../shared/editor/threadRange.ts';
import { recordTextMoves } from './textMoves.ts';
import { resolveThreadRange } from './threadAnchors.ts';

/** What the highlighter needs of a thread the viewer may see. */
export interface HighlightedThread {
  id: string;
  anchorStart: string;
  anchorEnd: string;
  /** The author's delegation colour, `#rrggbb`. */
  color: string;
  /** Resolved threads are not highlighted unless they are the active one. */
  open: boolean;
}

export interface CommentHighlightsState {
  threads: readonly HighlightedThread[];
  activeId: string | null;
  /** Each thread's text now: a range, or null once all of it is deleted. Absent until the document is bound. */
  ranges: ReadonlyMap<string, ThreadRange | null>;
  decorations: DecorationSet;
}

type Meta = { threads: readonly HighlightedThread[] } | { activeId: string | null } | { movesArrived: true } | { rangesDiffer: true };

export const commentHighlightsKey = new PluginKey<CommentHighlightsState>('commentHighlights');

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    commentHighlights: {
      /** Replaces the threads to highlight (only those the viewer may see: others leave no trace). */
      setCommentThreads: (threads: readonly HighlightedThread[]) => ReturnType;
      /** Marks one thread as the one being read, or none. */
      setActiveCommentThread: (threadId: string | null) => ReturnType;
    };
  }
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
const FALLBACK_COLOR = '#334155';

function computeRanges(state: EditorState, threads: readonly HighlightedThread[]): Map<string, ThreadRange | null> {
  const ranges = new Map<string, ThreadRange | null>();
  for (const thread of threads) {
    const range = resolveThreadRange(state, thread);
    if (range !== undefined) ranges.set(thread.id, range);
  }
  return ranges;
}

function decorate(state: EditorState, threads: readonly HighlightedThread[], ranges: ReadonlyMap<string, ThreadRange | null>, activeId: string | null) {
  const decorations = threads.flatMap((thread) => {
    const range = ranges.get(thread.id);
    if (!range || (!thread.open && thread.id !== activeId)) return [];
    const color = HEX_COLOR.test(thread.color) ? thread.color : FALLBACK_COLOR;
    const active = thread.id === activeId;
    return [
      Decoration.inline(range.from, range.to, {
        class: active ? 'comment-highlight comment-highlight--active' : 'comment-highlight',
        style: `--comment-color: ${color}`,
        'data-comment-thread': thread.id,
      }),
    ];
  });
  return DecorationSet.create(state.doc, decorations);
}

function build(state: EditorState, threads: readonly HighlightedThread[], activeId: string | null): CommentHighlightsState {
  const ranges = computeRanges(state, threads);
  return { threads, activeId, ranges, decorations: decorate(state, threads, ranges, activeId) };
}

const sameRanges = (a: ReadonlyMap<string, ThreadRange | null>, b: ReadonlyMap<string, ThreadRange | null>) =>
  a.size === b.size && [...a].every(([id, range]) => {
    const other = b.get(id);
    return range === null ? other === null : other != null && other.from === range.from && other.to === range.to;
  });

/** After a local edit the Yjs mapping lags behind the document, so ranges follow the edit's own mapping instead. */
function mapped(previous: CommentHighlightsState, tr: Transaction): CommentHighlightsState {
  const ranges = new Map<string, ThreadRange | null>();
  for (const [id, range] of previous.ranges) {
    if (!range) {
      ranges.set(id, null);
      continue;
    }
    const from = tr.mapping.map(range.from, 1);
    const to = tr.mapping.map(range.to, -1);
    ranges.set(id, to > from && tr.doc.textBetween(from, to, '', '').trim() !== '' ? { from, to } : null);
  }
  return { ...previous, ranges, decorations: previous.decorations.map(tr.mapping, tr.doc) };
}

/**
 * Highlights comment threads in their author's delegation colour, as decorations computed from the threads' Yjs
 * anchors: nothing is written into the shared document. Clicking highlighted text makes its thread the active one.
 */
export const CommentHighlights = Extension.create({
  name: 'commentHighlights',

  addCommands() {
    return {
      setCommentThreads:
        (threads) =>
        ({ tr, dispatch }) => {
          dispatch?.(tr.setMeta(commentHighlightsKey, { threads } satisfies Meta));
          return true;
        },
      setActiveCommentThread:
        (activeId) =>
        ({ tr, dispatch }) => {
          dispatch?.(tr.setMeta(commentHighlightsKey, { activeId } satisfies Meta));
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<CommentHighlightsState>({
        key: commentHighlightsKey,
        state: {
          init: (_config, state) => build(state, [], null),
          apply(tr, previous, _oldState, newState) {
            const meta = tr.getMeta(commentHighlightsKey) as Meta | undefined;
            const remote = (ySyncPluginKey.getState(newState) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin;
            if (meta && 'threads' in meta) return build(newState, meta.threads, previous.activeId);
            if (meta && 'activeId' in meta) return build(newState, previous.threads, meta.activeId);
            // Changes from Yjs (peers, first load, a peer's record of text it moved) come with an up-to-date
            // mapping: re-read the anchors.
            if (remote || meta) return build(newState, previous.threads, previous.activeId);
            return tr.docChanged ? mapped(previous, tr) : previous;
          },
        },
        view(view) {
          const doc = (ySyncPluginKey.getState(view.state) as { doc?: Y.Doc } | undefined)?.doc;
          if (!doc) return {};
          const stopRecording = recordTextMoves(doc);
          // A peer's split or join can arrive before its record of where the text went, and the record changes no
          // text, so nothing else would re-read the anchors. Local records need nothing: local edits map ranges.
          // Dispatched after the transaction, never from an observer of the records: type observers run before
          // y-tiptap's, and a dispatch there made y-tiptap write the not-yet-updated editor back over a remote change
          // that brought a split together with its record (the split's second half was lost).
          const moves = textMovesOf(doc);
          // Once this person's edit is in Yjs, the ranges mapped through it must be the ones every other browser reads
          // from the anchors. They are, since typed text is stored where it was typed (TextEditPlacement), except
          // where the two disagree by design: text typed over a selection that crosses a thread's end is inside it in
          // Yjs, outside it by the edit's mapping. Then this browser takes what everyone else shows.
          const compareWithAnchors = () => {
            const current = commentHighlightsKey.getState(view.state);
            if (view.isDestroyed || !current || current.threads.length === 0) return;
            if (!sameRanges(computeRanges(view.state, current.threads), current.ranges)) {
              view.dispatch(view.state.tr.setMeta(commentHighlightsKey, { rangesDiffer: true } satisfies Meta));
            }
          };
          const onTransaction = (transaction: Y.Transaction) => {
            if (!transaction.local && transaction.changed.has(moves)) {
              view.dispatch(view.state.tr.setMeta(commentHighlightsKey, { movesArrived: true } satisfies Meta));
            } else if (transaction.local && transaction.origin === ySyncPluginKey && transaction.changed.size > 0) {
              // After y-tiptap's transaction, never inside it (see above); a microtask still runs before the next paint.
              queueMicrotask(compareWithAnchors);
            }
          };
          doc.on('afterTransaction', onTransaction);
          return {
            destroy() {
              doc.off('afterTransaction', onTransaction);
              stopRecording();
            },
          };
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
          handleClick(view, pos) {
            const state = commentHighlightsKey.getState(view.state);
            if (!state) return false;
            // The innermost thread at the click wins when threads overlap.
            const hit = state.threads
              .map((thread) => ({ thread, range: state.ranges.get(thread.id) }))
              .filter(({ thread, range }) => range && (thread.open || thread.id === state.activeId) && range.from <= pos && pos <= range.to)
              .sort((a, b) => a.range!.to - a.range!.from - (b.range!.to - b.range!.from))[0];
            if (hit && hit.thread.id !== state.activeId) {
              view.dispatch(view.state.tr.setMeta(commentHighlightsKey, { activeId: hit.thread.id } satisfies Meta));
            }
            // Let the click place the cursor as usual.
            return false;
          },
        },
      }),
    ];
  },
});
