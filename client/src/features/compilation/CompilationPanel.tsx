import type { Editor } from '@tiptap/core';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecommendationAlternatives } from '../../../../shared/api/alternatives.ts';
import { COMPILATION_TAGS, type CompilationNotes, type CompilationTag } from '../../../../shared/api/compilation.ts';
import type { DocumentSummary } from '../../../../shared/api/documents.ts';
import type { Me } from '../../../../shared/api/session.ts';
import type { CompilationRow, CompiledRecommendation } from '../../../../shared/domain/compilation.ts';
import { can } from '../../../../shared/domain/policy.ts';
import { RECOMMENDATION_NODE } from '../../../../shared/editor/recommendationNumbers.ts';
import { DelegationFilter } from '../../components/DelegationFilter.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { usePendingAction } from '../../lib/usePendingAction.ts';
import { type AlternativesStore, alternativesApi, useAlternatives } from '../alternatives/index.ts';
import { type ConsensusStore, useConsensus } from '../consensus/index.ts';
import { decideSuggestion, selectBrackets, selectSuggestion } from '../suggestions/index.ts';
import { compilationApi } from './compilationApi.ts';
import { compilationDelegations, type CompilationFilter, filterCompilation, NO_FILTER } from './compilationFilter.ts';
import { type CompilationNotesStore, useCompilationNotes } from './compilationNotesStore.ts';
import { CompilationRowCard, type RowActions } from './CompilationRowCard.tsx';
import { NoteForm } from './NoteForm.tsx';
import { useCompilation } from './useCompilation.ts';
import './compilation.css';

export interface CompilationPanelProps {
  editor: Editor;
  me: Me;
  document: DocumentSummary;
  /** Whether the panel is shown: the compilation is worked out only then. */
  active: boolean;
  alternatives: AlternativesStore;
  consensus: ConsensusStore;
  notes: CompilationNotesStore;
  /** False once the deadline for proposals binds this person: no new "no change". */
  canPropose: boolean;
  /** Called after the text was moved to something the reader picked (a phone's sheet then gets out of the way). */
  onReveal(): void;
}

/** Puts the caret at the start of recommendation `id` and scrolls it into view. */
function revealRecommendation(editor: Editor, id: string): void {
  let at = -1;
  editor.state.doc.descendants((node, pos) => {
    if (at >= 0) return false;
    if (node.type.name !== RECOMMENDATION_NODE) return true;
    if (node.attrs.id === id) at = pos;
    return false;
  });
  if (at >= 0) editor.chain().focus().setTextSelection(at + 2).scrollIntoView().run();
}

/**
 * The compilation of proposals (ITU practice), live: per recommendation, its number and current words, then every
 * delegation's open proposals tagged ADD, MOD, SUP or NOC, with alternatives, brackets and reservations, filtered by
 * delegation and tag. Rapporteurs and organisers accept or reject proposals and retain alternatives here; a delegation
 * marks "no change" and justifies its own proposals. The export's tables come from the same rule.
 */
export function CompilationPanel({ editor, me, document, active, alternatives, consensus, notes, canPropose, onReveal }: CompilationPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const alternativesById = useAlternatives(alternatives);
  const consensusById = useConsensus(consensus);
  const compilationNotes = useCompilationNotes(notes);
  const records = useMemo(
    () => ({ alternatives: [...alternativesById.values()], reservations: [...consensusById.values()], notes: compilationNotes }),
    [alternativesById, consensusById, compilationNotes],
  );
  const compiled = useCompilation(editor, active, records);
  const [filter, setFilter] = useState<CompilationFilter>(NO_FILTER);
  const shown = filterCompilation(compiled, filter);
  const rowCount = compiled.reduce((sum, recommendation) => sum + recommendation.rows.length, 0);
  const { busy, error, run } = usePendingAction();
  const [noChangeFor, setNoChangeFor] = useState<string | null>(null);

  const delegation = me.kind === 'member' ? me.delegation : undefined;
  // A delegation speaking for itself (NOC, justifications) is what proposing an alternative allows (the server checks).
  const speaks = delegation !== undefined && can(document.role, 'alternative.propose', document);
  const canDecide = can(document.role, 'suggestion.decide', document);
  const canRetain = can(document.role, 'alternative.retain', document);
  const marksNoChange = delegation !== undefined && can(document.role, 'noChange.mark', document);

  const reveal = (move: () => void) => {
    move();
    onReveal();
  };
  const takeAlternatives = (request: () => Promise<RecommendationAlternatives>) => run(async () => alternatives.upsert(await request()));
  const takeNotes = (request: () => Promise<CompilationNotes>) => run(async () => notes.set(await request()));

  const actionsOf = (recommendation: CompiledRecommendation, row: CompilationRow): RowActions => {
    const own = speaks && row.delegation === delegation;
    switch (row.kind) {
      case 'proposal':
        return {
          show: () => reveal(() => selectSuggestion(editor, row.ref)),
          accept: canDecide ? () => void run(() => decideSuggestion(document.id, row.ref, 'accept')) : undefined,
          reject: canDecide ? () => void run(() => decideSuggestion(document.id, row.ref, 'reject')) : undefined,
          justify: own ? (text) => takeNotes(() => compilationApi.justifyProposal(document.id, row.ref, text)) : undefined,
        };
      case 'alternative':
        return {
          retain: canRetain ? () => void takeAlternatives(() => alternativesApi.retain(document.id, recommendation.id, Number(row.ref))) : undefined,
          justify: own ? (text) => takeAlternatives(() => alternativesApi.justify(document.id, recommendation.id, Number(row.ref), text)) : undefined,
        };
      case 'brackets':
        return { show: () => reveal(() => selectBrackets(editor, row.ref)) };
      case 'noChange':
        return { clearNoChange: own ? () => void takeNotes(() => compilationApi.clearNoChange(document.id, recommendation.id)) : undefined };
      default:
        return {};
    }
  };

  const markedNoChange = (recommendation: CompiledRecommendation) => recommendation.rows.some((row) => row.kind === 'noChange' && row.delegation === delegation);

  return (
    <section className="sidebar compilation" aria-labelledby={headingId}>
      <h2 id={headingId} className="sidebar__title">
        {t('compilation.title')} <span className="compilation__count">{rowCount}</span>
      </h2>
      <ErrorNote error={error} />
      <div className="compilation__filters">
        <DelegationFilter
          className="compilation__filter"
          label={t('compilation.filterDelegation')}
          showLabel
          allLabel={t('compilation.allDelegations')}
          delegations={compilationDelegations(compiled, filter.delegation)}
          value={filter.delegation}
          onChange={(value) => setFilter({ ...filter, delegation: value })}
        />
        <label className="compilation__filter">
          <span>{t('compilation.filterTag')}</span>
          <select value={filter.tag} onChange={(event) => setFilter({ ...filter, tag: event.target.value as CompilationTag | '' })}>
            <option value="">{t('compilation.allTags')}</option>
            {COMPILATION_TAGS.map((tag) => (
              <option key={tag} value={tag}>
                {t('compilation.tagOption', { tag, meaning: t(`compilation.tagMeaning.${tag}`) })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {shown.length === 0 ? (
        <p className="sidebar__empty">{compiled.length === 0 ? t('compilation.empty') : t('compilation.noMatch')}</p>
      ) : (
        <ol className="compilation__list">
          {shown.map((recommendation) => (
            <li key={recommendation.id} className="compilation-recommendation" data-recommendation-id={recommendation.id} data-number={recommendation.number}>
              <button type="button" className="compilation-recommendation__head" onClick={() => reveal(() => revealRecommendation(editor, recommendation.id))}>
                <span className="compilation-recommendation__number">{t('editor.recommendationLabel', { number: recommendation.number })}</span>
                <span className="compilation-recommendation__text" dir="auto">
                  {recommendation.text}
                </span>
              </button>
              {recommendation.rows.length === 0 ? (
                <p className="compilation-recommendation__none">{t('compilation.noProposals')}</p>
              ) : (
                <ul className="card-list">
                  {recommendation.rows.map((row) => (
                    <CompilationRowCard key={`${row.kind}:${row.ref}:${row.delegation}`} row={row} busy={busy} actions={actionsOf(recommendation, row)} />
                  ))}
                </ul>
              )}
              {marksNoChange &&
                canPropose &&
                !markedNoChange(recommendation) &&
                (noChangeFor === recommendation.id ? (
                  <NoteForm
                    label={t('alternatives.justificationOptional')}
                    submitLabel={t('compilation.markNoChange')}
                    busy={busy}
                    onSubmit={(text) => takeNotes(() => compilationApi.markNoChange(document.id, recommendation.id, text))}
                    onCancel={() => setNoChangeFor(null)}
                  />
                ) : (
                  <button type="button" className="button button--small button--quiet compilation-recommendation__noc" onClick={() => setNoChangeFor(recommendation.id)}>
                    {t('compilation.noChangeFor', { delegation })}
                  </button>
                ))}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
