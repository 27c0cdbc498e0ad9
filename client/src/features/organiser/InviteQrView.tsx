import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedInvite } from '../../../../shared/api/documents.ts';
import { QrCode } from '../../components/QrCode.tsx';
import { CopyButton } from './CopyButton.tsx';
import { atAddress } from './inviteAddress.ts';
import { LoopbackWarning } from './LoopbackWarning.tsx';

export interface InviteQrViewProps {
  invite: CreatedInvite;
  documentTitle: string;
  onClose: () => void;
}

/**
 * One invite link filling the screen, for the projector: its QR code as large as the viewport allows, whose it is,
 * and the link to type or copy. A native modal `<dialog>`: Escape closes it and focus goes back to the opener.
 */
export function InviteQrView({ invite, documentTitle, onClose }: InviteQrViewProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const fieldId = useId();
  const role = t(`roles.${invite.role}`);
  const [origin, setOrigin] = useState<string>();
  const url = atAddress(invite.url, origin);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog ref={ref} className="qr-view" aria-labelledby={titleId} onClose={onClose}>
      <div className="qr-view__text">
        <p className="qr-view__document" dir="auto">
          {documentTitle}
        </p>
        <h2 id={titleId} className="qr-view__title">
          <span className="swatch" style={{ backgroundColor: invite.color }} aria-hidden="true" />
          <bdi>{invite.delegation}</bdi> · {role}
        </h2>
        <p>{t('venue.qrInstructions')}</p>
        <LoopbackWarning urls={[url]} onUseAddress={setOrigin} />
      </div>
      <QrCode className="qr-view__code" text={url} label={t('venue.qrLabel', { delegation: invite.delegation, role })} />
      <div className="qr-view__link">
        <label className="visually-hidden" htmlFor={fieldId}>
          {t('venue.linkLabel')}
        </label>
        <input id={fieldId} readOnly value={url} dir="ltr" onFocus={(event) => event.target.select()} />
        <CopyButton text={url} fieldId={fieldId} />
        <button type="button" className="button" onClick={() => ref.current?.close()}>
          {t('venue.close')}
        </button>
      </div>
    </dialog>
  );
}
