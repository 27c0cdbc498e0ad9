import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { BRACKET_MARK } from '../../../../shared/editor/bracket.ts';
import { SUGGESTION_MARKS } from '../../../../shared/editor/suggestionKinds.ts';

/** Selects the text of a proposal or of brackets, so it can be read in place and discussed with a comment thread. */
function selectMarked(editor: Editor, matches: (name: string, id: unknown) => boolean): void {
  let from = -1;
  let to = -1;
  editor.state.doc.descendants((node, pos) => {
    if (node.isText && node.marks.some((mark) => matches(mark.type.name, mark.attrs.id))) {
      if (from === -1) from = pos;
      to = pos + node.nodeSize;
    }
  });
  if (from === -1) return;
  editor.chain().setMeta('addToHistory', false).setTextSelection(TextSelection.create(editor.state.doc, from, to)).scrollIntoView().focus().run();
}

/** Selects the words of proposal `suggestionId` in the text. */
export const selectSuggestion = (editor: Editor, suggestionId: string): void =>
  selectMarked(editor, (name, id) => (SUGGESTION_MARKS as readonly string[]).includes(name) && String(id) === suggestionId);

/** Selects the words inside brackets `bracketId` in the text. */
export const selectBrackets = (editor: Editor, bracketId: string): void => selectMarked(editor, (name, id) => name === BRACKET_MARK && String(id) === bracketId);
