import { type Editor, Extension, type Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { Placeholder } from '@tiptap/extensions';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { translationContent } from '../../../../shared/editor/alignedBlocks.ts';
import { schemaExtensions } from '../../../../shared/editor/schemaExtensions.ts';
import { blockFragmentName } from '../../../../shared/protocol/languageRooms.ts';

export interface TranslationEditorProps {
  version: Y.Doc;
  blockId: string;
  /** The source block's kind: what its translation may hold. */
  sourceType: string;
  language: string;
  dir: 'ltr' | 'rtl';
  editable: boolean;
  label: string;
  placeholder: string;
  /** The confirm action, also on Mod-Enter inside the editor. */
  onConfirm: () => void;
  /** What the page adds to every translation editor (comment highlights); fixed for the editor's life. */
  extensions?: Extensions;
  /** Hands the editor to the row once made, and null when it goes. */
  onEditor?: (editor: Editor | null) => void;
}

/**
 * The editor of one translated block, bound to the version's `block:<id>` fragment (docs/decisions/0004-language-versions.md).
 * Its top node holds what the block's translation may hold, so a translator cannot turn a row into two rows.
 */
export function TranslationEditor({ version, blockId, sourceType, language, dir, editable, label, placeholder, onConfirm, extensions = [], onEditor }: TranslationEditorProps) {
  const confirmRef = useRef(onConfirm);
  useEffect(() => {
    confirmRef.current = onConfirm;
  });
  const [options] = useState(() => ({
    extensions: [
      ...schemaExtensions({ assignIds: false, documentContent: translationContent(sourceType) }),
      Collaboration.configure({ document: version, fragment: version.getXmlFragment(blockFragmentName(blockId)) }),
      Placeholder.configure({ placeholder }),
      ...extensions,
      Extension.create({
        name: 'confirmTranslation',
        addKeyboardShortcuts: () => ({
          'Mod-Enter': () => {
            confirmRef.current();
            return true;
          },
        }),
      }),
    ],
    editable,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: { class: 'side-by-side__editor', role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, lang: language, dir, 'aria-keyshortcuts': 'Control+Enter Meta+Enter' },
    },
  }));
  const editor = useEditor(options);
  useEffect(() => {
    editor.setEditable(editable);
  }, [editor, editable]);
  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);
  return <EditorContent editor={editor} />;
}
