import { useTranslation } from 'react-i18next';
import { personName } from '../../../lib/organiserIdentity.ts';
import { safeColor } from '../awarenessUser.ts';
import type { Participant } from '../usePresence.ts';

/** "Following Ana García (Spain) — Stop": shown above the text for as long as the reader follows someone. */
export function FollowIndicator({ person, onStop }: { person: Participant; onStop: () => void }) {
  const { t } = useTranslation();
  const organiser = person.role === 'organiser';
  // Isolated, so a Latin name keeps its order in an Arabic sentence and the reverse.
  const name = `\u2068${personName(t, person.name, organiser)}\u2069`;
  return (
    <div className="follow-indicator" role="status" style={{ borderInlineStartColor: safeColor(person.color) }}>
      <span className="swatch" style={{ backgroundColor: safeColor(person.color) }} aria-hidden="true" />
      <span className="follow-indicator__text">
        {organiser || !person.delegation
          ? t('follow.followingName', { name })
          : t('follow.following', { name, delegation: `\u2068${person.delegation}\u2069` })}
      </span>
      <button type="button" className="button follow-indicator__stop" onClick={onStop}>
        {t('follow.stop')}
      </button>
    </div>
  );
}
