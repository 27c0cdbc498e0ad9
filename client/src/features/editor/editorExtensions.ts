import type { AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { BlockDirectionDecorations } from '../../../../shared/editor/blockDirectionDecorations.ts';
import type { BracketAttributes } from '../../../../shared/editor/bracket.ts';
import { RecommendationLabels } from '../../../../shared/editor/recommendationLabels.ts';
import { schemaExtensions } from '../../../../shared/editor/schemaExtensions.ts';
import type { StableNumber } from '../../../../shared/domain/stableNumbers.ts';
import { readNumbering } from '../../../../shared/editor/stableNumbering.ts';
import type { SuggestionAttributes } from '../../../../shared/editor/suggestionMarks.ts';
import type { Collaboration as CollaborationSession } from '../../lib/collaboration.ts';
import { AlternativeNotes } from '../alternatives/index.ts';
import { AuthorshipHighlights } from '../authorship/index.ts';
import { CommentHighlights } from '../comments/index.ts';
import { ConsensusBadges } from '../consensus/index.ts';
import { SuggestMode, SuggestModeKeys } from '../suggestions/index.ts';
import type { AwarenessUser } from './awarenessUser.ts';
import { renderCaret, renderSelection } from './caretRender.ts';
import { TextEditPlacement } from './textEditPlacement.ts';
import { UndoGuard } from './undoGuard.ts';

export interface EditorExtensionOptions {
  collaboration: CollaborationSession;
  /** What this person announces; the server replaces it with their authenticated identity anyway. */
  user: AwarenessUser;
  /** Read-only editors (observers, frozen documents) must not generate ids the server would refuse. */
  canEdit: boolean;
  recommendationLabel: (number: string) => string;
  /** The hover text of a number the server has not confirmed yet (ADR 0008). */
  provisionalNote: () => string;
  /** A stable number as the reader writes it, in the interface's language. */
  formatNumber: (number: StableNumber) => string;
  /** The caret label of the organiser, who has no personal name, in the reader's language. */
  organiserLabel: () => string;
  /** Hover text of a proposal (author, delegation, time) in the reader's language. */
  describeSuggestion: (attrs: SuggestionAttributes) => string;
  /** Hover text of bracketed text (who asked, when). */
  describeBracket: (attrs: BracketAttributes) => string;
}

/** The shared schema plus what only a browser needs: Yjs binding with its own undo, carets, computed numbers and dir. */
export function editorExtensions({
  collaboration,
  user,
  canEdit,
  recommendationLabel,
  provisionalNote,
  formatNumber,
  organiserLabel,
  describeSuggestion,
  describeBracket,
}: EditorExtensionOptions): AnyExtension[] {
  return [
    ...schemaExtensions({ assignIds: canEdit, describeSuggestion, describeBracket }),
    Collaboration.configure({ document: collaboration.ydoc }),
    UndoGuard,
    TextEditPlacement,
    CollaborationCaret.configure({ provider: collaboration.provider, user, render: (caretUser) => renderCaret(caretUser.role === 'organiser' ? { ...caretUser, name: organiserLabel(), delegation: '' } : caretUser), selectionRender: renderSelection }),
    RecommendationLabels.configure({
      label: recommendationLabel,
      provisionalNote,
      format: formatNumber,
      lockedNumbers: () => readNumbering(collaboration.ydoc).numbers,
    }),
    BlockDirectionDecorations,
    CommentHighlights,
    SuggestMode.configure({ author: { author: user.name, delegation: user.delegation, color: user.color } }),
    SuggestModeKeys,
    ConsensusBadges,
    AlternativeNotes,
    AuthorshipHighlights,
  ];
}
