import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../shared/api/documents.ts';
import { can } from '../../../../shared/domain/policy.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { versionsApi } from './versionsApi.ts';
import './history.css';

export interface FreezeControlProps {
  document: DocumentSummary;
  /** Called once the server has frozen or unfrozen the document, to fetch what this person may now do. */
  onAccessChanged: () => void;
}

/** "Frozen — read-only" for everyone while the document is frozen; the Freeze / Unfreeze button for organisers. */
export function FreezeControl({ document, onAccessChanged }: FreezeControlProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const canFreeze = can(document.role, 'document.freeze', document);
  const freezing = !document.frozen;
  return (
    <>
      {document.frozen && (
        <span className="frozen-badge" data-testid="frozen-badge">
          <span aria-hidden="true">❄</span>
          {t('history.frozenBadge')}
        </span>
      )}
      {canFreeze && (
        <button type="button" className="button button--small" aria-haspopup="dialog" onClick={() => setConfirming(true)}>
          {freezing ? t('history.freeze') : t('history.unfreeze')}
        </button>
      )}
      {canFreeze && (
        <ConfirmDialog
          open={confirming}
          title={freezing ? t('history.freezeConfirmTitle') : t('history.unfreezeConfirmTitle')}
          body={freezing ? t('history.freezeConfirm') : t('history.unfreezeConfirm')}
          confirmLabel={freezing ? t('history.freezeConfirmButton') : t('history.unfreezeConfirmButton')}
          danger={freezing}
          onConfirm={async () => {
            await versionsApi.setFrozen(document.id, freezing);
            // The server also closes every socket with "access changed"; asking here covers a socket that was down.
            onAccessChanged();
          }}
          onClose={() => setConfirming(false)}
        />
      )}
    </>
  );
}
