import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { CreatedInvite } from '../../../../shared/api/documents.ts';
import { QrCode } from '../../components/QrCode.tsx';
import { InviteQrView } from './InviteQrView.tsx';
import './venue.css';

export interface InviteSheetProps {
  documentTitle: string;
  invites: CreatedInvite[];
  /** Shown above the cards when some of the chosen cards could not be created. */
  error?: string;
  onClose: () => void;
}

/**
 * The printable invite sheet: one card per delegation with its QR code, link, role and the document's title. Rendered
 * at the end of <body>, it stands in for the app (hidden, still mounted) while open; on paper (`@media print`) only the
 * cards remain. The links exist only here, so leaving asks first.
 */
export function InviteSheet({ documentTitle, invites, error, onClose }: InviteSheetProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [projected, setProjected] = useState<CreatedInvite>();

  useEffect(() => {
    headingRef.current?.focus();
    document.body.classList.add('has-invite-sheet');
    return () => document.body.classList.remove('has-invite-sheet');
  }, []);

  const close = () => {
    if (window.confirm(t('venue.sheet.leaveConfirm'))) onClose();
  };

  return createPortal(
    <div className="invite-sheet" role="region" aria-labelledby={titleId}>
      <div className="invite-sheet__toolbar">
        <h2 id={titleId} ref={headingRef} tabIndex={-1}>
          {t('venue.sheet.title', { count: invites.length })}
        </h2>
        <p className="invite-sheet__hint">{t('venue.sheet.printHint')}</p>
        {error && (
          <p className="form__error" role="alert">
            {t('venue.sheet.partial', { error })}
          </p>
        )}
        <div className="invite-sheet__actions">
          <button type="button" className="button button--primary" onClick={() => window.print()}>
            {t('venue.sheet.print')}
          </button>
          <button type="button" className="button" onClick={close}>
            {t('venue.sheet.back')}
          </button>
        </div>
      </div>
      <ul className="invite-sheet__cards">
        {invites.map((invite) => {
          const role = t(`roles.${invite.role}`);
          return (
            <li key={invite.id} className="invite-card" style={{ borderTopColor: invite.color }}>
              <p className="invite-card__document" dir="auto">
                {documentTitle}
              </p>
              <p className="invite-card__delegation" dir="auto">
                {invite.delegation}
              </p>
              <p className="invite-card__role">{role}</p>
              <QrCode className="invite-card__code" text={invite.url} label={t('venue.qrLabel', { delegation: invite.delegation, role })} />
              <p className="invite-card__instructions">{t('venue.sheet.cardInstructions')}</p>
              <p className="invite-card__url" dir="ltr">
                {invite.url}
              </p>
              <button type="button" className="button button--small invite-card__project" onClick={() => setProjected(invite)}>
                {t('venue.showQr')}
              </button>
            </li>
          );
        })}
      </ul>
      {projected && <InviteQrView invite={projected} documentTitle={documentTitle} onClose={() => setProjected(undefined)} />}
    </div>,
    document.body,
  );
}
