import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { usePendingAction } from '../../lib/usePendingAction.ts';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  /** The action; the dialog stays open with the error in plain words if it fails. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  danger?: boolean;
}

/** Asks before something that affects everyone (restore, freeze); Cancel is focused first so Enter does no harm. */
export function ConfirmDialog({ open, title, body, confirmLabel, onConfirm, onClose, danger }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const { busy, error, run, clearError } = usePendingAction();
  const close = () => {
    clearError();
    onClose();
  };
  const confirm = async () => {
    if (await run(onConfirm)) onClose();
  };
  return (
    <Dialog open={open} onClose={close} labelledBy={titleId} className="dialog--confirm">
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      <p>{body}</p>
      <ErrorNote error={error} />
      <div className="dialog__actions">
        <button type="button" className="button" onClick={close} autoFocus>
          {t('history.cancel')}
        </button>
        <button type="button" className={danger ? 'button button--primary button--warning' : 'button button--primary'} disabled={busy} onClick={() => void confirm()}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
