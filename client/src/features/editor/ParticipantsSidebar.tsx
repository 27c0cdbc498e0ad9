import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { groupBy } from '../../lib/groupBy.ts';
import { delegationName, personName } from '../../lib/organiserIdentity.ts';
import { safeColor } from './awarenessUser.ts';
import { announcePresenter, onScreen, samePerson } from './follow/presenter.ts';
import { projectorPath } from '../../lib/projectorPath.ts';
import { personKey } from './presenceChanges.ts';
import { type Participant, usePresence } from './usePresence.ts';

export interface ParticipantsSidebarProps {
  documentId: string;
  awareness: Awareness;
  /** Whether other people's carets and name labels are drawn in the text. */
  showCarets: boolean;
  onShowCarets: (show: boolean) => void;
  /** The connection this reader follows, if any. */
  followed: number | undefined;
  onFollow: (clientId: number) => void;
  onStopFollowing: () => void;
  /** Organisers and rapporteurs pick whom the room screen follows. */
  canChoosePresenter: boolean;
}

/**
 * Who is here now, grouped by delegation, each delegation in its colour; whether to draw their carets; following a
 * person; and, for those who run the room, whom the room screen follows.
 */
export function ParticipantsSidebar({ documentId, awareness, showCarets, onShowCarets, followed, onFollow, onStopFollowing, canChoosePresenter }: ParticipantsSidebarProps) {
  const { t } = useTranslation();
  const participants = usePresence(awareness);
  const myChoice = participants.find((participant) => participant.isSelf)?.choice;
  // Someone may have the document open in two tabs: list the person once (the followed tab, else any).
  const people = [...groupBy(participants, personKey).values()].map(
    (sessions) => sessions.find((session) => session.isSelf) ?? sessions.find((session) => session.clientId === followed) ?? sessions[0]!,
  );
  const groups = groupBy(people, (person) => delegationName(t, person.delegation, person.role === 'organiser' || !person.delegation));
  const othersHere = people.some((person) => !person.isSelf);
  const nameOf = (person: Participant) => personName(t, person.name, person.role === 'organiser');

  return (
    <aside className="participants" aria-labelledby="participants-title">
      <h2 id="participants-title">{t('participants.title')}</h2>
      <label className="participants__carets">
        <input type="checkbox" checked={showCarets} onChange={(event) => onShowCarets(event.target.checked)} />
        {t('participants.showCarets')}
      </label>
      <p className="participants__subtitle">{t('participants.online')}</p>
      {[...groups].map(([delegation, members]) => (
        <section key={delegation} className="participants__group" style={{ borderInlineStartColor: safeColor(members[0]!.color) }}>
          <h3 dir="auto">{delegation}</h3>
          <ul>
            {members.map((person) => {
              const isFollowed = person.clientId === followed;
              const isChosen = myChoice !== undefined && samePerson(myChoice, person);
              return (
                <li key={person.clientId} className="participants__person">
                  <span className="swatch" style={{ backgroundColor: safeColor(person.color) }} aria-hidden="true" />
                  <span>
                    <bdi>{nameOf(person)}</bdi>
                    {person.isSelf && <span className="muted"> ({t('participants.you')})</span>}
                  </span>
                  <span className="participants__role">{t(`roles.${person.role}`)}</span>
                  {onScreen(participants, person) && <span className="participants__on-screen">{t('follow.onScreen')}</span>}
                  {!person.screen && (!person.isSelf || canChoosePresenter) && (
                    <span className="participants__actions">
                      {!person.isSelf && (
                        <button
                          type="button"
                          className="button button--small"
                          aria-pressed={isFollowed}
                          aria-label={t(isFollowed ? 'follow.stopFollowingPerson' : 'follow.followPerson', { name: nameOf(person) })}
                          onClick={() => (isFollowed ? onStopFollowing() : onFollow(person.clientId))}
                        >
                          {t(isFollowed ? 'follow.stop' : 'follow.follow')}
                        </button>
                      )}
                      {canChoosePresenter && (
                        <button
                          type="button"
                          className="button button--small"
                          aria-pressed={isChosen}
                          aria-label={t(isChosen ? 'follow.unpresentPerson' : 'follow.presentPerson', { name: nameOf(person) })}
                          onClick={() => announcePresenter(awareness, isChosen ? null : person)}
                        >
                          {t(isChosen ? 'follow.unpresent' : 'follow.present')}
                        </button>
                      )}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {!othersHere && <p className="muted participants__empty">{t('participants.nobody')}</p>}
      {canChoosePresenter && (
        <p className="participants__screen">
          <a href={projectorPath(documentId)} target="_blank" rel="noopener">
            {t('follow.openScreen')}
          </a>
          <span className="form__hint">{t('follow.screenHint')}</span>
        </p>
      )}
    </aside>
  );
}
