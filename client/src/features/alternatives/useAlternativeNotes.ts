import type { Editor } from '@tiptap/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { openAlternatives, type RecommendationAlternatives } from '../../../../shared/api/alternatives.ts';
import { useAlternativeWho } from './AlternativesPanel.tsx';

/** Draws each recommendation's open alternatives under it in `editor` (AlternativeNotes), in the reader's language. */
export function useAlternativeNotes(editor: Editor, byId: ReadonlyMap<string, RecommendationAlternatives>): void {
  const { t, i18n } = useTranslation();
  const who = useAlternativeWho();
  useEffect(() => {
    const open = new Map([...byId].map(([id, entry]) => [id, openAlternatives(entry)]));
    editor.commands.setAlternativeNotes(open, { name: (number) => t('alternatives.name', { number }), who });
    // `who` is rebuilt each render from `t`; the language is what changes it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, byId, t, i18n.language]);
}
