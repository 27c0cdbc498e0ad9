import type { Editor } from '@tiptap/core';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALTERNATIVE_LIMITS, type Alternative, type AlternativeStatus, openAlternatives, type RecommendationAlternatives } from '../../../../shared/api/alternatives.ts';
import type { DocumentSummary } from '../../../../shared/api/documents.ts';
import type { Me } from '../../../../shared/api/session.ts';
import { can } from '../../../../shared/domain/policy.ts';
import { recommendationWording } from '../../../../shared/editor/recommendationWording.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { usePendingAction } from '../../lib/usePendingAction.ts';
import { type RecommendationEntry, recommendationAtPos, useRecommendations } from '../../lib/useRecommendations.ts';
import { alternativesApi } from './alternativesApi.ts';
import { type AlternativesStore, useAlternatives } from './alternativesStore.ts';
import { useAlternativeNotes } from './useAlternativeNotes.ts';
import './alternatives.css';

export interface AlternativesPanelProps {
  /** An editor with the AlternativeNotes extension. */
  editor: Editor;
  me: Me;
  document: DocumentSummary;
  store: AlternativesStore;
  /** False once the deadline for proposals binds this person: no new alternatives. */
  canPropose: boolean;
}

/** "Morocco · supported by Jordan, Spain": who stands behind an alternative. */
export function useAlternativeWho(): (alternative: Alternative) => string {
  const { t } = useTranslation();
  return (alternative) =>
    alternative.supporters.length === 0
      ? alternative.delegation
      : t('alternatives.who', { delegation: alternative.delegation, supporters: alternative.supporters.map((supporter) => supporter.delegation).join(', ') });
}

/**
 * The alternatives panel: every recommendation's alternative formulations, "Alt 1", "Alt 2", … (Alt 0 is the current
 * text). Delegates propose one for their delegation and support another delegation's; rapporteurs and organisers
 * retain one (or keep the current text). The same alternatives are drawn under each recommendation in the text.
 */
export function AlternativesPanel({ editor, me, document, store, canPropose }: AlternativesPanelProps) {
  const { t } = useTranslation();
  const byId = useAlternatives(store);
  const recommendations = useRecommendations(editor);
  const who = useAlternativeWho();
  const headingId = useId();
  const { busy, error, run } = usePendingAction();
  const delegation = me.kind === 'member' ? me.delegation : undefined;
  const speaks = delegation !== undefined && can(document.role, 'alternative.propose', document);
  const canRetain = can(document.role, 'alternative.retain', document);

  useAlternativeNotes(editor, byId);

  const act = (request: () => Promise<RecommendationAlternatives>) => run(async () => store.upsert(await request()));
  const withAlternatives = recommendations.filter((entry) => (byId.get(entry.id)?.alternatives.length ?? 0) > 0);
  const openCount = recommendations.filter((entry) => openAlternatives(byId.get(entry.id) ?? { recommendationId: entry.id, alternatives: [] }).length > 0).length;
  const jump = (entry: RecommendationEntry) => editor.chain().focus().setTextSelection(entry.pos + 2).scrollIntoView().run();

  return (
    <section className="sidebar alternatives" aria-labelledby={headingId}>
      <h2 id={headingId} className="sidebar__title">
        {t('alternatives.title')} <span className="alternatives__count">{openCount}</span>
      </h2>
      <ErrorNote error={error} />
      {speaks && canPropose && recommendations.length > 0 && (
        <ProposeForm editor={editor} recommendations={recommendations} busy={busy} onPropose={(id, text, justification) => act(() => alternativesApi.propose(document.id, id, text, justification))} />
      )}
      {withAlternatives.length === 0 ? (
        <p className="sidebar__empty">{t('alternatives.empty')}</p>
      ) : (
        <ol className="alternatives__list">
          {withAlternatives.map((entry) => {
            const all = byId.get(entry.id)!.alternatives;
            const open = all.filter((alternative) => alternative.status === 'open');
            const decided = all.filter((alternative) => alternative.status !== 'open');
            return (
              <li key={entry.id} className="alternatives__recommendation" data-recommendation-id={entry.id}>
                <button type="button" className="alternatives__jump" onClick={() => jump(entry)}>
                  <span className="alternatives__number">{t('editor.recommendationLabel', { number: entry.number })}</span>
                  <span className="alternatives__current">
                    {t('alternatives.current')}: <bdi>{entry.excerpt}</bdi>
                  </span>
                </button>
                <ul className="card-list">
                  {open.map((alternative) => {
                    const own = alternative.delegation === delegation;
                    const supported = alternative.supporters.some((supporter) => supporter.delegation === delegation);
                    return (
                      <li key={alternative.number} className="alternative-card" data-alternative={alternative.number} style={{ borderInlineStartColor: alternative.color }}>
                        <p className="alternative-card__head">
                          <strong>{t('alternatives.name', { number: alternative.number })}</strong> <bdi className="alternative-card__who">{who(alternative)}</bdi>
                        </p>
                        <p className="alternative-card__text" dir="auto">
                          {alternative.text}
                        </p>
                        {alternative.justification && (
                          <p className="alternative-card__justification" dir="auto">
                            {t('alternatives.justification')}: {alternative.justification}
                          </p>
                        )}
                        <div className="alternative-card__actions">
                          {speaks && !own && (
                            <button
                              type="button"
                              className="button button--small"
                              disabled={busy}
                              onClick={() => act(() => (supported ? alternativesApi.unsupport : alternativesApi.support)(document.id, entry.id, alternative.number))}
                            >
                              {supported ? t('alternatives.unsupport') : t('alternatives.support', { delegation })}
                            </button>
                          )}
                          {speaks && own && (
                            <button type="button" className="button button--small button--quiet" disabled={busy} onClick={() => act(() => alternativesApi.withdraw(document.id, entry.id, alternative.number))}>
                              {t('alternatives.withdraw')}
                            </button>
                          )}
                          {canRetain && (
                            <button type="button" className="button button--small" disabled={busy} onClick={() => act(() => alternativesApi.retain(document.id, entry.id, alternative.number))}>
                              {t('alternatives.retain', { number: alternative.number })}
                            </button>
                          )}
                        </div>
                      </li>
                    );
                  })}
                </ul>
                {canRetain && open.length > 0 && (
                  <button type="button" className="button button--small button--quiet" disabled={busy} onClick={() => act(() => alternativesApi.retain(document.id, entry.id, 0))}>
                    {t('alternatives.keepCurrent')}
                  </button>
                )}
                {decided.length > 0 && (
                  <details className="alternatives__decided">
                    <summary>{t('alternatives.decided', { count: decided.length })}</summary>
                    <ul>
                      {decided.map((alternative) => (
                        <li key={alternative.number} data-alternative={alternative.number} data-status={alternative.status}>
                          {t('alternatives.name', { number: alternative.number })} (<bdi>{[alternative.delegation, ...alternative.supporters.map((s) => s.delegation)].join(', ')}</bdi>){' '}
                          {t(`alternatives.status.${alternative.status as Exclude<AlternativeStatus, 'open'>}`)}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

interface ProposeFormProps {
  editor: Editor;
  recommendations: readonly RecommendationEntry[];
  busy: boolean;
  onPropose(recommendationId: string, text: string, justification: string): Promise<boolean>;
}

/** A recommendation's current words, where a proposed alternative starts from. */
function wordingOf(editor: Editor, entry: RecommendationEntry | undefined): string {
  const node = entry && editor.state.doc.nodeAt(entry.pos);
  return node ? recommendationWording(node) : '';
}

/**
 * Proposing an alternative: pick the recommendation, start from its current words, write the delegation's wording.
 * Until the delegate picks or writes anything, the form follows the recommendation their cursor is in.
 */
function ProposeForm({ editor, recommendations, busy, onPropose }: ProposeFormProps) {
  const { t } = useTranslation();
  const [recommendationId, setRecommendationId] = useState('');
  const [text, setText] = useState('');
  const [justification, setJustification] = useState('');
  const [touched, setTouched] = useState(false);
  const chosen = recommendations.find((entry) => entry.id === recommendationId);
  const choose = (id: string) => {
    setRecommendationId(id);
    setText(wordingOf(editor, recommendations.find((candidate) => candidate.id === id)));
  };
  useEffect(() => {
    if (touched) return;
    const follow = () => {
      const entry = recommendationAtPos(recommendations, editor.state.selection.from);
      if (!entry || entry.id === recommendationId) return;
      setRecommendationId(entry.id);
      setText(wordingOf(editor, entry));
    };
    follow();
    editor.on('selectionUpdate', follow);
    return () => {
      editor.off('selectionUpdate', follow);
    };
  }, [editor, recommendations, recommendationId, touched]);
  return (
    <form
      className="alternatives__propose"
      onSubmit={(event) => {
        event.preventDefault();
        if (!chosen || !text.trim()) return;
        void onPropose(chosen.id, text.trim(), justification.trim()).then((done) => {
          if (!done) return;
          setText('');
          setJustification('');
          setRecommendationId('');
          setTouched(false);
        });
      }}
    >
      <label>
        {t('alternatives.to')}
        <select
          value={recommendationId}
          onChange={(event) => {
            setTouched(true);
            choose(event.target.value);
          }}
          required
        >
          <option value="">{t('alternatives.choose')}</option>
          {recommendations.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {t('editor.recommendationLabel', { number: entry.number })}
            </option>
          ))}
        </select>
      </label>
      {chosen && (
        <>
          <label>
            {t('alternatives.wording')}
            <textarea value={text} dir="auto" rows={4} maxLength={ALTERNATIVE_LIMITS.textLength} required onChange={(event) => {
                setTouched(true);
                setText(event.target.value);
              }}
            />
          </label>
          <label>
            {t('alternatives.justificationOptional')}
            <input type="text" value={justification} dir="auto" maxLength={ALTERNATIVE_LIMITS.justificationLength} onChange={(event) => {
                setTouched(true);
                setJustification(event.target.value);
              }}
            />
          </label>
          <button type="submit" className="button" disabled={busy || !text.trim()}>
            {t('alternatives.propose')}
          </button>
        </>
      )}
    </form>
  );
}
