import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { DocumentSummary } from '../../../../shared/api/documents.ts';
import { can } from '../../../../shared/domain/policy.ts';
import { onNumberingChange, readNumbering } from '../../../../shared/editor/stableNumbering.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { numberingApi } from './numberingApi.ts';

export interface NumberingControlProps {
  document: DocumentSummary;
  /** The open document: the lock is read from it, so it shows the moment the server's change arrives. */
  ydoc: Y.Doc;
}

/** "Numbers locked" for everyone once locked; Lock numbers (rapporteurs, organisers) and Renumber (organisers). */
export function NumberingControl({ document, ydoc }: NumberingControlProps) {
  const { t } = useTranslation();
  const locked = useSyncExternalStore(
    (changed) => onNumberingChange(ydoc, changed),
    () => readNumbering(ydoc).lock !== null,
  );
  const [confirming, setConfirming] = useState(false);
  const action = locked ? 'renumber' : 'lock';
  const allowed = can(document.role, locked ? 'numbering.renumber' : 'numbering.lock', document);
  return (
    <>
      {locked && (
        <span className="numbering-badge" data-testid="numbering-badge">
          {t('numbering.lockedBadge')}
        </span>
      )}
      {allowed && (
        <button type="button" className="button button--small" aria-haspopup="dialog" onClick={() => setConfirming(true)}>
          {t(`numbering.${action}`)}
        </button>
      )}
      {allowed && (
        <ConfirmDialog
          open={confirming}
          title={t(`numbering.${action}ConfirmTitle`)}
          body={t(`numbering.${action}Confirm`)}
          confirmLabel={t(`numbering.${action}`)}
          onConfirm={async () => {
            await (locked ? numberingApi.renumber(document.id) : numberingApi.lock(document.id));
          }}
          onClose={() => setConfirming(false)}
        />
      )}
    </>
  );
}
