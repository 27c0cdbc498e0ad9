import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { groupBy } from '../../lib/groupBy.ts';
import { delegationName, personName } from '../../lib/organiserIdentity.ts';
import { safeColor } from './awarenessUser.ts';
import { usePresence } from './usePresence.ts';

export interface ParticipantsSidebarProps {
  awareness: Awareness;
  /** Whether other people's carets and name labels are drawn in the text. */
  showCarets: boolean;
  onShowCarets: (show: boolean) => void;
}

/** Who is here now, grouped by delegation, each delegation in its colour; and whether to draw their carets. */
export function ParticipantsSidebar({ awareness, showCarets, onShowCarets }: ParticipantsSidebarProps) {
  const { t } = useTranslation();
  const participants = usePresence(awareness);
  // Someone may have the document open in two tabs: list the person once.
  const people = [...groupBy(participants, (person) => `${person.delegation}\u0000${person.name}`).values()].map(
    (sessions) => sessions.find((session) => session.isSelf) ?? sessions[0]!,
  );
  const groups = groupBy(people, (person) => delegationName(t, person.delegation, person.role === 'organiser' || !person.delegation));
  const othersHere = people.some((person) => !person.isSelf);

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
            {members.map((person) => (
              <li key={person.clientId} className="participants__person">
                <span className="swatch" style={{ backgroundColor: safeColor(person.color) }} aria-hidden="true" />
                <span>
                  <bdi>{personName(t, person.name, person.role === 'organiser')}</bdi>
                  {person.isSelf && <span className="muted"> ({t('participants.you')})</span>}
                </span>
                <span className="participants__role">{t(`roles.${person.role}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {!othersHere && <p className="muted participants__empty">{t('participants.nobody')}</p>}
    </aside>
  );
}
