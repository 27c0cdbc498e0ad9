import type { Editor } from '@tiptap/core';
import type { i18n as I18n } from 'i18next';
import { useEffect } from 'react';
import { RELABEL_RECOMMENDATIONS } from '../../../../shared/editor/recommendationLabels.ts';
import type * as Y from 'yjs';
import { onNumberingChange } from '../../../../shared/editor/stableNumbering.ts';
import { formatDateTime, formatRecommendationNumber } from '../../i18n/format.ts';
import type { EditorExtensionOptions } from './editorExtensions.ts';

type EditorLabels = Pick<EditorExtensionOptions, 'recommendationLabel' | 'provisionalNote' | 'formatNumber' | 'organiserLabel' | 'describeSuggestion' | 'describeBracket'>;

/**
 * The words an editor draws into the text (recommendation labels, hover texts), in the reader's language. They call
 * i18n.t when drawn, not a render's t, so they follow later language switches (see `useRelabelOnLanguage`).
 */
export function editorLabels(i18n: I18n): EditorLabels {
  return {
    recommendationLabel: (number: string) => i18n.t('editor.recommendationLabel', { number }),
    provisionalNote: () => i18n.t('editor.provisionalNumber'),
    formatNumber: (number) => formatRecommendationNumber(number, i18n.language),
    organiserLabel: () => i18n.t('roles.organiser'),
    describeSuggestion: ({ author, delegation, time }) =>
      i18n.t('suggestions.describe', { author: author ?? '', delegation: delegation ?? '', time: time ? formatDateTime(time, i18n.language) : '' }),
    describeBracket: ({ delegation, time }) =>
      i18n.t('suggestions.bracketDescribe', { delegation: delegation ?? '', time: time ? formatDateTime(time, i18n.language) : '' }),
  };
}

/** Redraws the labels when the interface language changes. Recommendation numbers stay the document's own. */
export function useRelabelOnLanguage(editor: Editor, language: string): void {
  useEffect(() => relabel(editor), [editor, language]);
}

const relabel = (editor: Editor) => {
  if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(RELABEL_RECOMMENDATIONS, true).setMeta('addToHistory', false));
};

/** Redraws the labels when the server's numbers arrive: a change of the document's numbering maps, not of its text. */
export function useRelabelOnNumbering(editor: Editor, ydoc: Y.Doc): void {
  useEffect(() => onNumberingChange(ydoc, () => relabel(editor)), [editor, ydoc]);
}
