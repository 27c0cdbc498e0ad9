import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Mapping } from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { type PlacedPair, placeTextEdits } from './placeTextEdits.ts';

/** The editor changes not yet written to Yjs: one dispatch (a transaction and those plugins appended to it). */
interface PendingEdit {
  before: ProseMirrorNode;
  after: ProseMirrorNode;
  mapping: Mapping;
}

/** What this extension uses of y-tiptap's `ProsemirrorBinding` (3.0.9). */
interface Binding {
  type: Y.XmlFragment;
  mapping: Map<unknown, unknown>;
  _prosemirrorChanged(doc: ProseMirrorNode): void;
}

const pendingEditKey = new PluginKey<PendingEdit | null>('textEditPlacement');

const sameContent = (mapped: unknown, content: PlacedPair['before']) =>
  mapped === content ||
  (Array.isArray(mapped) && Array.isArray(content) && mapped.length === content.length && mapped.every((node, index) => node === content[index]));

/**
 * Makes y-tiptap store typed and deleted text where the person typed or deleted it (see `placeTextEdits` for why its
 * own text diff does not), so that comment anchors, carets and everything else tied to characters stay on the words
 * they were on, in every browser alike. See docs/decisions/0003-text-edit-placement.md.
 *
 * y-tiptap writes each editor change into Yjs in its plugin view's update, through `binding._prosemirrorChanged`, in
 * one Yjs transaction. That method is wrapped: inside the same transaction, the edit's text changes are written first,
 * by the edit's own mapping; y-tiptap's pass then finds that text equal and writes only the rest.
 */
export const TextEditPlacement = Extension.create({
  name: 'textEditPlacement',

  addProseMirrorPlugins() {
    return [
      new Plugin<PendingEdit | null>({
        key: pendingEditKey,
        state: {
          init: () => null,
          apply(tr, pending, oldState, newState) {
            // y-tiptap writes once per dispatch, after the transaction and those appended to it.
            const continues = tr.getMeta('appendedTransaction') !== undefined && pending?.after === oldState.doc;
            const mapping = continues ? pending.mapping.slice() : new Mapping();
            mapping.appendMapping(tr.mapping);
            return { before: continues ? pending.before : oldState.doc, after: newState.doc, mapping };
          },
        },
        view(view) {
          const binding = (ySyncPluginKey.getState(view.state) as { binding?: Binding } | undefined)?.binding;
          if (!binding) return {};
          const write = binding._prosemirrorChanged;
          binding._prosemirrorChanged = function (doc) {
            const pending = pendingEditKey.getState(view.state);
            const ydoc = binding.type.doc;
            if (!pending || pending.after !== doc || !ydoc) return write.call(binding, doc);
            ydoc.transact(() => {
              const placed = placeTextEdits(binding.type, pending.before, doc, pending.mapping);
              write.call(binding, doc);
              // y-tiptap's pass stops at the outermost block it finds equal and maps only that one to the new
              // document; the blocks and text inside it would stay mapped to the old one (wrong sizes for carets and
              // anchors in nested blocks such as a recommendation's paragraphs).
              for (const { type, before, after } of placed) {
                if (sameContent(binding.mapping.get(type), before)) binding.mapping.set(type, after);
              }
            }, ySyncPluginKey);
          };
          return {
            destroy() {
              binding._prosemirrorChanged = write;
            },
          };
        },
      }),
    ];
  },
});
