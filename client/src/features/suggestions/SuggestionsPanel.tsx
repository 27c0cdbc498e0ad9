import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../shared/api/documents.ts';
import { can } from '../../../../shared/domain/policy.ts';
import { type BracketSummary, listBrackets, listSuggestions, type SuggestionSummary } from '../../../../shared/editor/suggestionChanges.ts';
import { safeColor } from '../../../../shared/editor/suggestionMarks.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { usePendingAction } from '../../lib/usePendingAction.ts';
import { useRecommendations } from '../../lib/useRecommendations.ts';
import { selectBrackets, selectSuggestion } from './selectMarked.ts';
import { decideAllSuggestions, decideSuggestion, removeBrackets } from './suggestionsApi.ts';
import './suggestions.css';
import { DelegationFilter } from '../../components/DelegationFilter.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';

export interface SuggestionsPanelProps {
  editor: Editor;
  document: DocumentSummary;
  /** The reader's delegation: a delegate may withdraw its proposals. */
  delegation: string;
}

const ALL = '';

/**
 * The words of a proposal as the card quotes them: without the spaces at their ends (" and their families" reads
 * “and their families”), unless spaces are all there is. The proposal itself keeps them.
 */
function quoted(words: string): string {
  return words.trim() || words;
}

/**
 * The open proposals and bracketed texts, live from the shared document. Rapporteurs and organisers accept or reject
 * (one, or all of a delegation); a delegate withdraws its own; rapporteurs and organisers remove brackets. The server
 * decides and changes the document; this list follows the document.
 */
export function SuggestionsPanel({ editor, document, delegation }: SuggestionsPanelProps) {
  const { t, i18n } = useTranslation();
  const { suggestions, brackets } = useEditorState({
    editor,
    selector: ({ editor: current }) => ({ suggestions: listSuggestions(current.state.doc), brackets: listBrackets(current.state.doc) }),
    equalityFn: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  const [filter, setFilter] = useState(ALL);
  const { busy, error, run } = usePendingAction();
  const canDecide = can(document.role, 'suggestion.decide', document);
  const canWithdraw = can(document.role, 'suggestion.withdraw', document);
  const canRemoveBrackets = can(document.role, 'bracket.remove', document);
  const delegations = [...new Set(suggestions.map((suggestion) => suggestion.delegation ?? ''))].sort();
  const recommendations = useRecommendations(editor);
  const numbers = new Map(recommendations.map((entry) => [entry.id, entry.number]));
  const recommendationBadge = (id: string | null) => {
    const number = id === null ? undefined : numbers.get(id);
    return number === undefined ? null : <span className="badge suggestion-card__recommendation">{t('comments.recommendation', { number })}</span>;
  };
  const shown = suggestions.filter((suggestion) => filter === ALL || suggestion.delegation === filter);

  const describe = (suggestion: SuggestionSummary) => {
    const parts: string[] = [];
    if (suggestion.inserted) parts.push(t('suggestions.adds', { text: quoted(suggestion.inserted) }));
    if (suggestion.deleted) parts.push(t('suggestions.removes', { text: quoted(suggestion.deleted) }));
    if (parts.length === 0) parts.push(t('suggestions.formatting'));
    return parts.join(' · ');
  };

  return (
    <section className="sidebar suggestions" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title" className="sidebar__title">
        {t('suggestions.title')} <span className="suggestions__count">{suggestions.length}</span>
      </h2>
      <ErrorNote error={error} />
      {suggestions.length === 0 ? (
        <p className="suggestions__empty">{t('suggestions.empty')}</p>
      ) : (
        <>
          <DelegationFilter
            className="suggestions__filter"
            label={t('suggestions.filter')}
            showLabel
            allLabel={t('suggestions.allDelegations')}
            delegations={delegations}
            value={filter}
            onChange={setFilter}
          />
          {canDecide && (
            <div className="suggestions__bulk">
              {(['accept', 'reject'] as const).map((decision) => (
                <button
                  key={decision}
                  type="button"
                  className="button button--small"
                  disabled={busy || shown.length === 0}
                  onClick={() => run(() => decideAllSuggestions(document.id, decision, filter === ALL ? {} : { delegation: filter }))}
                >
                  {t(decision === 'accept' ? 'suggestions.acceptAll' : 'suggestions.rejectAll')}
                </button>
              ))}
            </div>
          )}
          <ul className="card-list">
            {shown.map((suggestion) => (
              <li
                key={suggestion.id}
                className="suggestion-card"
                data-suggestion-id={suggestion.id}
                style={{ borderInlineStartColor: safeColor(suggestion.color) ?? undefined }}
              >
                <p className="suggestion-card__who">
                  {recommendationBadge(suggestion.recommendationId)}
                  <bdi>{suggestion.author}</bdi> (<bdi>{suggestion.delegation}</bdi>)
                  {suggestion.time && <span className="suggestion-card__time"> · {formatDateTime(suggestion.time, i18n.language)}</span>}
                </p>
                <p className="suggestion-card__what" dir="auto">
                  {describe(suggestion)}
                </p>
                <div className="suggestion-card__actions">
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    onClick={() => selectSuggestion(editor, suggestion.id)}
                  >
                    {t('suggestions.select')}
                  </button>
                  {canDecide && (
                    <>
                      <button type="button" className="button button--small" disabled={busy} onClick={() => run(() => decideSuggestion(document.id, suggestion.id, 'accept'))}>
                        {t('suggestions.accept')}
                      </button>
                      <button type="button" className="button button--small" disabled={busy} onClick={() => run(() => decideSuggestion(document.id, suggestion.id, 'reject'))}>
                        {t('suggestions.reject')}
                      </button>
                    </>
                  )}
                  {canWithdraw && suggestion.delegation === delegation && (
                    <button type="button" className="button button--small" disabled={busy} onClick={() => run(() => decideSuggestion(document.id, suggestion.id, 'withdraw'))}>
                      {t('suggestions.withdraw')}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 className="suggestions__subtitle">{t('suggestions.bracketsTitle')}</h3>
      {brackets.length === 0 ? (
        <p className="suggestions__empty">{t('suggestions.bracketsEmpty')}</p>
      ) : (
        <ul className="card-list">
          {brackets.map((bracket: BracketSummary) => (
            <li key={bracket.id} className="suggestion-card suggestion-card--bracket" data-bracket-id={bracket.id}>
              <p className="suggestion-card__what" dir="auto">
                [{bracket.text}]
              </p>
              <p className="suggestion-card__who">
                {recommendationBadge(bracket.recommendationId)}
                {t('suggestions.requestedBy', { delegation: bracket.delegation ?? '' })}
              </p>
              <div className="suggestion-card__actions">
                <button
                  type="button"
                  className="button button--small button--quiet"
                  onClick={() => selectBrackets(editor, bracket.id)}
                >
                  {t('suggestions.select')}
                </button>
                {canRemoveBrackets && (
                  <button type="button" className="button button--small" disabled={busy} onClick={() => run(() => removeBrackets(document.id, bracket.id))}>
                    {t('suggestions.removeBrackets')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
