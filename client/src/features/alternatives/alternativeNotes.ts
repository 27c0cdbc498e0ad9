import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Alternative } from '../../../../shared/api/alternatives.ts';
import { RECOMMENDATION_NODE } from '../../../../shared/editor/recommendationNumbers.ts';

/** The words around an alternative in the reader's language. */
export interface AlternativeNoteLabels {
  /** "Alt 2". */
  name(number: number): string;
  /** "Morocco · supported by Jordan, Spain". */
  who(alternative: Alternative): string;
}

interface NotesState {
  open: ReadonlyMap<string, readonly Alternative[]>;
  labels: AlternativeNoteLabels | undefined;
  decorations: DecorationSet;
}

const key = new PluginKey<NotesState>('alternativeNotes');

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    alternativeNotes: {
      /** Replaces the open alternatives shown under recommendations (by recommendation id) and their labels. */
      setAlternativeNotes: (open: ReadonlyMap<string, readonly Alternative[]>, labels: AlternativeNoteLabels) => ReturnType;
    };
  }
}

function noteList(alternatives: readonly Alternative[], labels: AlternativeNoteLabels): HTMLElement {
  const list = document.createElement('div');
  list.className = 'alternative-notes';
  list.contentEditable = 'false';
  for (const alternative of alternatives) {
    const note = document.createElement('p');
    note.className = 'alternative-note';
    note.dataset.alternative = String(alternative.number);
    note.style.setProperty('--delegation-color', alternative.color);
    const name = document.createElement('strong');
    name.className = 'alternative-note__name';
    name.textContent = labels.name(alternative.number);
    const text = document.createElement('span');
    text.className = 'alternative-note__text';
    text.dir = 'auto';
    text.textContent = alternative.text;
    const who = document.createElement('span');
    who.className = 'alternative-note__who';
    who.textContent = labels.who(alternative);
    note.append(name, ' ', text, ' ', who);
    list.append(note);
  }
  return list;
}

/**
 * Shows each recommendation's open alternatives under its text, as "Alt 1", "Alt 2", … with their delegations: a
 * widget that is not part of the document (alternatives live on the server, docs/decisions/0009-alternatives.md), so
 * nobody types into it and it never syncs.
 */
export const AlternativeNotes = Extension.create({
  name: 'alternativeNotes',

  addCommands() {
    return {
      setAlternativeNotes:
        (open, labels) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(key, { open, labels }).setMeta('addToHistory', false);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const decorate = (doc: ProseMirrorNode, open: ReadonlyMap<string, readonly Alternative[]>, labels: AlternativeNoteLabels | undefined) => {
      const decorations: Decoration[] = [];
      if (labels) {
        doc.descendants((node, pos) => {
          if (node.type.name !== RECOMMENDATION_NODE) return true;
          const alternatives = typeof node.attrs.id === 'string' ? open.get(node.attrs.id) : undefined;
          if (alternatives && alternatives.length > 0) {
            const signature = alternatives.map((alternative) => `${alternative.number}:${labels.who(alternative)}:${alternative.text}`).join('|');
            decorations.push(
              Decoration.widget(pos + node.nodeSize - 1, () => noteList(alternatives, labels), { side: 1, key: `${node.attrs.id}:${labels.name(0)}:${signature}`, ignoreSelection: true }),
            );
          }
          return false;
        });
      }
      return DecorationSet.create(doc, decorations);
    };
    return [
      new Plugin<NotesState>({
        key,
        state: {
          init: () => ({ open: new Map(), labels: undefined, decorations: DecorationSet.empty }),
          apply: (tr, previous) => {
            const meta = tr.getMeta(key) as { open: ReadonlyMap<string, readonly Alternative[]>; labels: AlternativeNoteLabels } | undefined;
            if (!meta && !tr.docChanged) return previous;
            const { open, labels } = meta ?? previous;
            return { open, labels, decorations: decorate(tr.doc, open, labels) };
          },
        },
        props: { decorations: (state) => key.getState(state)?.decorations },
      }),
    ];
  },
});
