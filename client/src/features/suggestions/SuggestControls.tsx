import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { randomId } from '../../lib/randomId.ts';
import { useRovingFocus } from '../../lib/useRovingFocus.ts';
import { APPLY_DIRECTLY } from './suggestMode.ts';

export interface SuggestControlsProps {
  editor: Editor;
  /** Delegates, rapporteurs and organisers may propose (policy `suggestion.propose`). */
  canSuggest: boolean;
  /** Policy `bracket.add`. */
  canBracket: boolean;
  /** The delegation asking for brackets. */
  delegation: string;
}

/**
 * "Edit" / "Suggest" and "Bracket": the negotiation tools beside the formatting toolbar, a toolbar like it (one Tab
 * stop, arrow keys between the controls; Space or Enter switches the mode, as in the WAI-ARIA toolbar pattern, so
 * that passing over "Suggest" on the way to "Bracket" does not switch).
 */
export function SuggestControls({ editor, canSuggest, canBracket, delegation }: SuggestControlsProps) {
  const { t } = useTranslation();
  const roving = useRovingFocus<HTMLDivElement>();
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      suggesting: current.storage.suggestMode?.enabled ?? false,
      hasSelection: !current.state.selection.empty,
      recommendationRefused: current.storage.suggestMode?.recommendationRefused ?? false,
    }),
  });
  if (!canSuggest && !canBracket) return null;
  return (
    <>
      <div className="suggest-controls" role="toolbar" aria-label={t('suggestions.tools')} {...roving}>
        {canSuggest && (
          <div className="suggest-controls__mode" role="radiogroup" aria-label={t('suggestions.mode')}>
            {(['edit', 'suggest'] as const).map((mode) => (
              <button
                key={mode}
                type="button"
                role="radio"
                aria-checked={(mode === 'suggest') === state.suggesting}
                className="suggest-controls__mode-button"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => editor.chain().setSuggestMode(mode === 'suggest').focus().run()}
              >
                {t(`suggestions.${mode}`)}
              </button>
            ))}
          </div>
        )}
        {state.suggesting && (
          // A phone shows the short hint beside the buttons instead of the sentence on lines of its own.
          <span className="suggest-controls__hint" title={t('suggestions.suggestHint')}>
            <span className="suggest-controls__hint-long">{t('suggestions.suggestHint')}</span>
            <span className="suggest-controls__hint-short">{t('suggestions.suggestHintShort')}</span>
          </span>
        )}
        {canBracket && (
          <button
            type="button"
            className="button button--small"
            title={t('suggestions.bracketHint')}
            disabled={!state.hasSelection}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() =>
              editor
                .chain()
                .setMeta(APPLY_DIRECTLY, true)
                .setBracket({ id: randomId(9), delegation, time: new Date().toISOString() })
                .focus()
                .run()
            }
          >
            {t('suggestions.bracket')}
          </button>
        )}
      </div>
      {state.recommendationRefused && (
        <p className="notice suggest-controls__refusal" role="status">
          {t('suggestions.noNewRecommendation')}
        </p>
      )}
    </>
  );
}
