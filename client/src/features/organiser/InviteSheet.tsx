import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { CreatedInvite } from '../../../../shared/api/documents.ts';
import { QrCode } from '../../components/QrCode.tsx';
import { ensureCatalogue } from '../../i18n/i18n.ts';
import { LANGUAGES, type Language, languageDirection, languageOrDefault } from '../../i18n/languages.ts';
import { atAddress } from './inviteAddress.ts';
import { InviteQrView } from './InviteQrView.tsx';
import { LoopbackWarning } from './LoopbackWarning.tsx';
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
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const languageId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [projected, setProjected] = useState<CreatedInvite>();
  const [origin, setOrigin] = useState<string>();
  const [cardLanguage, setCardLanguage] = useState<Language>(() => languageOrDefault(i18n.language));
  // The cards speak the language chosen for them, whatever the organiser's screen is in.
  const tc = i18n.getFixedT(cardLanguage);
  // Switched once its catalogue is in, so the cards never show English words under an Arabic `lang` and `dir`.
  const chooseCardLanguage = (language: Language) => void ensureCatalogue(language).then(() => setCardLanguage(language));
  const shown = invites.map((invite) => ({ ...invite, url: atAddress(invite.url, origin) }));

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
        <LoopbackWarning urls={shown.map((invite) => invite.url)} onUseAddress={setOrigin} />
        <div className="invite-sheet__language">
          <label htmlFor={languageId}>{t('venue.sheet.cardLanguage')}</label>
          <select id={languageId} value={cardLanguage} onChange={(event) => chooseCardLanguage(event.target.value as Language)}>
            {LANGUAGES.map((language) => (
              <option key={language.code} value={language.code} lang={language.code}>
                {language.name}
              </option>
            ))}
          </select>
        </div>
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
        {shown.map((invite) => {
          const role = tc(`roles.${invite.role}`);
          return (
            <li key={invite.id} className="invite-card" style={{ borderTopColor: invite.color }} lang={cardLanguage} dir={languageDirection(cardLanguage)}>
              <p className="invite-card__document" dir="auto">
                {documentTitle}
              </p>
              <p className="invite-card__delegation" dir="auto">
                {invite.delegation}
              </p>
              <p className="invite-card__role">{role}</p>
              <QrCode className="invite-card__code" text={invite.url} label={tc('venue.qrLabel', { delegation: invite.delegation, role })} />
              <p className="invite-card__instructions">{tc('venue.sheet.cardInstructions')}</p>
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
