import type { Editor } from '@tiptap/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecommendationConsensus } from '../../../../shared/api/consensus.ts';
import { CONSENSUS_LIMITS } from '../../../../shared/api/consensus.ts';
import type { DocumentSummary } from '../../../../shared/api/documents.ts';
import type { Me } from '../../../../shared/api/session.ts';
import { CONSENSUS_STATUSES, type ConsensusStatus, DEFAULT_CONSENSUS_STATUS } from '../../../../shared/domain/consensus.ts';
import { can } from '../../../../shared/domain/policy.ts';
import { textDirection } from '../../../../shared/editor/textDirection.ts';
import { booleanPreference } from '../../lib/booleanPreference.ts';
import { consensusApi } from './consensusApi.ts';
import type { ConsensusStore } from './consensusStore.ts';
import { useConsensus, useConsensusBadges } from './useConsensus.ts';
import { type RecommendationEntry, useRecommendations } from '../../lib/useRecommendations.ts';
import './consensus.css';
import { ErrorNote } from '../../components/ErrorNote.tsx';

/**
 * Whether the board lists every recommendation or shows only the counts. Closed until the person opens it, so the text
 * itself comes first on a laptop screen; remembered per browser, as rapporteurs keep it open.
 */
const listPreference = booleanPreference('accord.statusBoard.open', false);

export interface StatusBoardProps {
  /** An editor with the ConsensusBadges extension. */
  editor: Editor;
  me: Me;
  document: DocumentSummary;
  /** The document's consensus, kept by the workspace for as long as the document is open. */
  store: ConsensusStore;
  /** The recommendations with open alternatives, by id: the board counts those in the text. */
  withOpenAlternatives: ReadonlySet<string>;
}

/**
 * The status board: how many recommendations stand at each status, and each one with its status and reservations.
 * Clicking one jumps to it in the text. Rapporteurs and organisers set statuses; delegates enter or withdraw their
 * delegation's reservation. The server decides; the board only hides what would be refused.
 */
export function StatusBoard({ editor, me, document, store, withOpenAlternatives }: StatusBoardProps) {
  const { t } = useTranslation();
  const byId = useConsensus(store);
  const recommendations = useRecommendations(editor);
  const [error, setError] = useState<unknown>();
  const [open, setOpen] = useState(listPreference.read);
  const headingId = useId();
  const canSet = can(document.role, 'consensus.set', document);
  const canReserve = can(document.role, 'consensus.reserve', document) && me.kind === 'member';

  useConsensusBadges(editor, byId);

  const statusOf = (entry: RecommendationEntry): ConsensusStatus => byId.get(entry.id)?.status ?? DEFAULT_CONSENSUS_STATUS;
  const counts = new Map<ConsensusStatus, number>(CONSENSUS_STATUSES.map((status) => [status, 0]));
  for (const entry of recommendations) counts.set(statusOf(entry), counts.get(statusOf(entry))! + 1);
  const openAlternatives = recommendations.filter((entry) => withOpenAlternatives.has(entry.id)).length;

  const act = async (request: Promise<RecommendationConsensus>) => {
    setError(undefined);
    try {
      store.upsert(await request);
    } catch (failure) {
      setError(failure);
    }
  };
  const jump = (entry: RecommendationEntry) => {
    // Inside the recommendation's first paragraph: the recommendation node itself is not a text position.
    editor.chain().focus().setTextSelection(entry.pos + 2).scrollIntoView().run();
  };

  return (
    <aside className="sidebar status-board" aria-labelledby={headingId}>
      <div className="status-board__header">
        <h2 id={headingId} className="sidebar__title">
          {t('consensus.title')}
        </h2>
        <button
          type="button"
          className="button button--quiet"
          aria-expanded={open}
          onClick={() => {
            listPreference.write(!open);
            setOpen(!open);
          }}
        >
          {open ? t('consensus.hide') : t('consensus.show')}
        </button>
      </div>
      <ul className="status-board__counts" aria-label={t('consensus.countsLabel')}>
        {CONSENSUS_STATUSES.map((status) => (
          <li key={status} className="status-count" data-status={status}>
            <span className="status-count__number">{counts.get(status)}</span> <span>{t(`consensus.status.${status}`)}</span>
          </li>
        ))}
        <li className="status-count" data-status="alternatives">
          <span className="status-count__number">{openAlternatives}</span> <span>{t('consensus.openAlternatives')}</span>
        </li>
      </ul>
      <ErrorNote error={error} />
      {open &&
        (recommendations.length === 0 ? (
          <p className="sidebar__empty">{t('consensus.empty')}</p>
        ) : (
          <ol className="status-board__list">
            {recommendations.map((entry) => (
              <StatusItem
                key={entry.id}
                entry={entry}
                consensus={byId.get(entry.id)}
                status={statusOf(entry)}
                canSet={canSet}
                ownDelegation={canReserve && me.kind === 'member' ? me.delegation : undefined}
                onJump={() => jump(entry)}
                onSetStatus={(status) => act(consensusApi.setStatus(document.id, entry.id, status))}
                onReserve={(note) => act(consensusApi.reserve(document.id, entry.id, note))}
                onWithdraw={() => act(consensusApi.withdraw(document.id, entry.id))}
              />
            ))}
          </ol>
        ))}
    </aside>
  );
}

interface StatusItemProps {
  entry: RecommendationEntry;
  consensus: RecommendationConsensus | undefined;
  status: ConsensusStatus;
  canSet: boolean;
  /** The viewer's delegation, when they may enter its reservation. */
  ownDelegation: string | undefined;
  onJump(): void;
  onSetStatus(status: ConsensusStatus): Promise<void>;
  onReserve(note: string): Promise<void>;
  onWithdraw(): Promise<void>;
}

function StatusItem({ entry, consensus, status, canSet, ownDelegation, onJump, onSetStatus, onReserve, onWithdraw }: StatusItemProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [writing, setWriting] = useState(false);
  const selectId = useId();
  const reservations = consensus?.reservations ?? [];
  const own = ownDelegation === undefined ? undefined : reservations.find((reservation) => reservation.delegation === ownDelegation);

  return (
    <li className="status-item" data-recommendation-id={entry.id} data-status={status}>
      <button type="button" className="status-item__jump" onClick={onJump}>
        <span className="status-item__number">{t('editor.recommendationLabel', { number: entry.number })}</span>
        <span className="status-item__excerpt" dir="auto">
          {entry.excerpt || t('consensus.noText')}
        </span>
      </button>
      <div className="status-item__row">
        <span className="status-badge" data-status={status}>
          {t(`consensus.status.${status}`)}
        </span>
        {canSet && (
          <>
            <label className="visually-hidden" htmlFor={selectId}>
              {t('consensus.setStatusLabel', { number: entry.number })}
            </label>
            <select
              id={selectId}
              className="status-item__select"
              value={consensus?.setStatus ?? DEFAULT_CONSENSUS_STATUS}
              onChange={(event) => void onSetStatus(event.target.value as ConsensusStatus)}
            >
              {CONSENSUS_STATUSES.map((option) => (
                <option key={option} value={option}>
                  {t(`consensus.status.${option}`)}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      {reservations.length > 0 && (
        <ul className="status-item__reservations" aria-label={t('consensus.reservationsLabel')}>
          {reservations.map((reservation) => (
            // The line takes the direction of the delegation's name, so "Morocco: pending consultation with capital"
            // reads in one order in the Arabic interface too, wrapped or not; name and note stay isolated inside it.
            <li key={reservation.delegation} className="reservation" dir={textDirection(reservation.delegation)}>
              <span className="swatch" style={{ backgroundColor: reservation.color }} aria-hidden="true" />
              <span>
                <bdi>{reservation.delegation}</bdi>
                {reservation.note && (
                  <>
                    {': '}
                    <span dir="auto">{reservation.note}</span>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {ownDelegation !== undefined &&
        (own ? (
          <button type="button" className="button button--quiet" onClick={() => void onWithdraw()}>
            {t('consensus.withdraw')}
          </button>
        ) : writing ? (
          <form
            className="status-item__reserve"
            onSubmit={(event) => {
              event.preventDefault();
              void onReserve(note.trim()).then(() => {
                setWriting(false);
                setNote('');
              });
            }}
          >
            <label>
              {t('consensus.noteLabel')}
              <input
                type="text"
                value={note}
                maxLength={CONSENSUS_LIMITS.noteLength}
                dir="auto"
                onChange={(event) => setNote(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Escape') setWriting(false);
                }}
              />
            </label>
            <div className="status-item__actions">
              <button type="submit" className="button">
                {t('consensus.enterReservation')}
              </button>
              <button type="button" className="button button--quiet" onClick={() => setWriting(false)}>
                {t('consensus.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="button button--quiet" onClick={() => setWriting(true)}>
            {t('consensus.reserve', { delegation: ownDelegation })}
          </button>
        ))}
    </li>
  );
}
