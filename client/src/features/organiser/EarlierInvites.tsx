import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedInvite } from '../../../../shared/api/documents.ts';
import { projectorInviteUrl } from '../../lib/projectorPath.ts';
import { CopyButton } from './CopyButton.tsx';

export interface EarlierInvitesProps {
  /** The links made before the newest one since this page was opened, newest first. */
  invites: readonly CreatedInvite[];
  onShowQr: (invite: CreatedInvite) => void;
}

/**
 * The links made earlier in this visit. Only their hashes are stored, so they cannot be shown again once the page is
 * left; until then the organiser can still copy each one, however many they made in a row.
 */
export function EarlierInvites({ invites, onShowQr }: EarlierInvitesProps) {
  const { t } = useTranslation();
  if (invites.length === 0) return null;
  return (
    <section className="earlier-invites" aria-label={t('organiser.earlierInvites')}>
      <p className="muted">{t('organiser.earlierInvites')}</p>
      <ul>
        {invites.map((invite) => (
          <EarlierInvite key={invite.id} invite={invite} onShowQr={onShowQr} />
        ))}
      </ul>
    </section>
  );
}

function EarlierInvite({ invite, onShowQr }: { invite: CreatedInvite; onShowQr: (invite: CreatedInvite) => void }) {
  const { t } = useTranslation();
  const fieldId = useId();
  const screenFieldId = useId();
  const role = t(`roles.${invite.role}`);
  return (
    <li className="earlier-invites__item">
      <p>
        <bdi>{invite.delegation}</bdi> ({role})
      </p>
      <div className="created-invite__link">
        <input id={fieldId} readOnly value={invite.url} dir="ltr" aria-label={t('organiser.linkFor', { delegation: invite.delegation, role })} onFocus={(event) => event.target.select()} />
        <CopyButton text={invite.url} fieldId={fieldId} />
        <button type="button" className="button" onClick={() => onShowQr(invite)}>
          {t('venue.showQr')}
        </button>
      </div>
      {invite.role === 'observer' && (
        <div className="created-invite__link">
          <input
            id={screenFieldId}
            readOnly
            value={projectorInviteUrl(invite.url)}
            dir="ltr"
            aria-label={t('organiser.screenLink')}
            onFocus={(event) => event.target.select()}
          />
          <CopyButton text={projectorInviteUrl(invite.url)} fieldId={screenFieldId} />
        </div>
      )}
    </li>
  );
}
