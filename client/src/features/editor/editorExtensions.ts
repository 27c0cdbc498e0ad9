import type { AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { BlockDirection } from '../../../../shared/editor/blockDirection.ts';
import { RecommendationNumbering } from '../../../../shared/editor/recommendationNumbering.ts';
import { schemaExtensions } from '../../../../shared/editor/schemaExtensions.ts';
import type { Collaboration as CollaborationSession } from '../../lib/collaboration.ts';
import { CommentHighlights } from '../comments/commentHighlights.ts';
import type { AwarenessUser } from './awarenessUser.ts';
import { renderCaret, renderSelection } from './caretRender.ts';

export interface EditorExtensionOptions {
  collaboration: CollaborationSession;
  /** What this person announces; the server replaces it with their authenticated identity anyway. */
  user: AwarenessUser;
  /** Read-only editors (observers, frozen documents) must not generate ids the server would refuse. */
  canEdit: boolean;
  recommendationLabel: (number: number) => string;
  /** The caret label of the organiser, who has no personal name, in the reader's language. */
  organiserLabel: () => string;
}

/** The shared schema plus what only a browser needs: Yjs binding with its own undo, carets, computed numbers and dir. */
export function editorExtensions({ collaboration, user, canEdit, recommendationLabel, organiserLabel }: EditorExtensionOptions): AnyExtension[] {
  return [
    ...schemaExtensions({ assignIds: canEdit }),
    Collaboration.configure({ document: collaboration.ydoc }),
    CollaborationCaret.configure({ provider: collaboration.provider, user, render: (caretUser) => renderCaret(caretUser.role === 'organiser' ? { ...caretUser, name: organiserLabel(), delegation: '' } : caretUser), selectionRender: renderSelection }),
    RecommendationNumbering.configure({ label: recommendationLabel }),
    BlockDirection,
    CommentHighlights,
  ];
}
