import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { DocumentAuthor } from '../../../../shared/api/authorship.ts';

/** What the colours show, set by whoever shows them (the toggle), in the reader's language. */
export interface AuthorshipSettings {
  enabled: boolean;
  /** The authors the server recorded, by Yjs client id. */
  authors: ReadonlyMap<number, DocumentAuthor>;
  /** The hover text of a span: "Name · Delegation · time". */
  describe: (author: DocumentAuthor) => string;
  /** Called with client ids found in the text that the author list does not know yet (to fetch it again). */
  onUnknownAuthors: (clientIds: number[]) => void;
}

interface AuthorshipState extends AuthorshipSettings {
  decorations: DecorationSet;
}

type Meta = { settings: AuthorshipSettings } | { decorations: DecorationSet };

export const authorshipKey = new PluginKey<AuthorshipState>('authorshipHighlights');

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    authorshipHighlights: {
      /** Turns the authorship colours on or off, with the authors the server recorded. */
      setAuthorship: (settings: AuthorshipSettings) => ReturnType;
    };
  }
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** Who wrote each run of text: the Yjs client id of each item, read through y-tiptap's PM node ↔ Y type mapping. */
interface AuthoredRun {
  from: number;
  to: number;
  clientId: number;
}

function authoredRuns(state: EditorState): AuthoredRun[] | undefined {
  const binding = ySyncPluginKey.getState(state)?.binding as { mapping: Map<Y.AbstractType<unknown>, ProseMirrorNode | ProseMirrorNode[]> } | undefined;
  if (!binding) return undefined;
  const elementOf = new Map<ProseMirrorNode, Y.XmlElement>();
  for (const [type, node] of binding.mapping) {
    if (type instanceof Y.XmlElement && !Array.isArray(node)) elementOf.set(node, type);
  }
  const runs: AuthoredRun[] = [];
  const push = (from: number, to: number, clientId: number) => {
    const last = runs[runs.length - 1];
    if (last && last.to === from && last.clientId === clientId) last.to = to;
    else runs.push({ from, to, clientId });
  };
  state.doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const element = elementOf.get(node);
    if (!element) return false;
    const blockRuns: AuthoredRun[] = [];
    let offset = pos + 1;
    for (const child of element.toArray()) {
      if (child instanceof Y.XmlText) {
        for (let item = child._start; item !== null; item = item.right) {
          if (item.deleted || !item.countable) continue;
          blockRuns.push({ from: offset, to: offset + item.length, clientId: item.id.client });
          offset += item.length;
        }
      } else {
        offset += 1; // an inline node (hard break) is one position
      }
    }
    // The binding writes local edits into Yjs after the transaction: if the two disagree, wait for the next pass.
    if (offset !== pos + 1 + node.content.size) return false;
    for (const run of blockRuns) push(run.from, run.to, run.clientId);
    return false;
  });
  return runs;
}

function decorate(state: EditorState, runs: readonly AuthoredRun[], authors: ReadonlyMap<number, DocumentAuthor>, describe: AuthorshipSettings['describe']) {
  const decorations = runs.flatMap((run) => {
    const author = authors.get(run.clientId);
    if (!author) return [];
    const color = HEX_COLOR.test(author.color) ? author.color : '#334155';
    return [
      Decoration.inline(run.from, run.to, {
        class: 'authored-text',
        style: `--author-color: ${color}`,
        title: describe(author),
        'data-author-delegation': author.delegation,
      }),
    ];
  });
  return DecorationSet.create(state.doc, decorations);
}

/**
 * Colours text by the delegation that wrote it. The author of each character is the Yjs client id of its item, and
 * each client id's identity comes from the server, which recorded the authenticated socket that sent it; what clients
 * announce about themselves plays no part.
 */
export const AuthorshipHighlights = Extension.create({
  name: 'authorshipHighlights',

  addCommands() {
    return {
      setAuthorship:
        (settings) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(authorshipKey, { settings } satisfies Meta).setMeta('addToHistory', false);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<AuthorshipState>({
        key: authorshipKey,
        state: {
          init: () => ({
            enabled: false,
            authors: new Map(),
            describe: (author) => `${author.name} · ${author.delegation}`,
            onUnknownAuthors: () => {},
            decorations: DecorationSet.empty,
          }),
          apply: (tr, previous) => {
            const meta = tr.getMeta(authorshipKey) as Meta | undefined;
            if (meta && 'decorations' in meta) return { ...previous, decorations: previous.enabled ? meta.decorations : DecorationSet.empty };
            if (meta) return { ...meta.settings, decorations: meta.settings.enabled ? previous.decorations : DecorationSet.empty };
            return tr.docChanged ? { ...previous, decorations: previous.decorations.map(tr.mapping, tr.doc) } : previous;
          },
        },
        props: { decorations: (state) => authorshipKey.getState(state)?.decorations },
        // Recomputed after the view has updated (and y-tiptap has written local edits into Yjs), at most every 100 ms.
        view: (view: EditorView) => {
          let timer: ReturnType<typeof setTimeout> | undefined;
          const reported = new Set<number>();
          const recompute = () => {
            timer = undefined;
            if (view.isDestroyed) return;
            const current = authorshipKey.getState(view.state);
            if (!current?.enabled) return;
            const runs = authoredRuns(view.state);
            if (!runs) return;
            // Each unknown writer is reported once: text the server has no author for (a restore) must not poll.
            const unknown = [...new Set(runs.map((run) => run.clientId))].filter((clientId) => !current.authors.has(clientId) && !reported.has(clientId));
            for (const clientId of unknown) reported.add(clientId);
            if (unknown.length > 0) current.onUnknownAuthors(unknown);
            const decorations = decorate(view.state, runs, current.authors, current.describe);
            view.dispatch(view.state.tr.setMeta(authorshipKey, { decorations } satisfies Meta).setMeta('addToHistory', false));
          };
          const schedule = () => {
            timer ??= setTimeout(recompute, 100);
          };
          return {
            update: (_view, previousState) => {
              const before = authorshipKey.getState(previousState);
              const now = authorshipKey.getState(view.state);
              if (!now?.enabled) return;
              if (view.state.doc !== previousState.doc || before?.authors !== now.authors || before?.enabled !== now.enabled) schedule();
            },
            destroy: () => clearTimeout(timer),
          };
        },
      }),
    ];
  },
});
