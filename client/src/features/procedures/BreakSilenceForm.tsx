import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROCEDURE_LIMITS } from '../../../../shared/api/procedures.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { usePendingAction } from '../../lib/usePendingAction.ts';

/** A delegation breaks silence: its written statement is shown to everyone and ends the procedure. */
export function BreakSilenceForm({ onBreak, onCancel }: { onBreak: (statement: string) => Promise<unknown>; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [statement, setStatement] = useState('');
  const { busy, error, run } = usePendingAction();
  return (
    <form
      className="procedure-form"
      onSubmit={(event) => {
        event.preventDefault();
        void run(() => onBreak(statement.trim()));
      }}
    >
      <label htmlFor={id}>{t('procedures.statement')}</label>
      <textarea
        id={id}
        dir="auto"
        rows={4}
        maxLength={PROCEDURE_LIMITS.statementLength}
        value={statement}
        onChange={(event) => setStatement(event.target.value)}
        required
      />
      <p className="muted procedure-form__hint">{t('procedures.breakWarning')}</p>
      <div className="procedure-form__actions">
        <button type="submit" className="button button--danger" disabled={busy || statement.trim() === ''}>
          {t('procedures.breakConfirm')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('procedures.cancel')}
        </button>
      </div>
      <ErrorNote error={error} />
    </form>
  );
}
