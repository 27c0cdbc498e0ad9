import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROCEDURE_LIMITS } from '../../../../shared/api/procedures.ts';
import { usePendingAction } from '../../lib/usePendingAction.ts';
import { ProcedureFormActions } from './ProcedureFormActions.tsx';

/** A delegation breaks silence: its written statement is shown to everyone and ends the procedure. */
export function BreakSilenceForm({ onBreak, onCancel }: { onBreak: (statement: string) => Promise<unknown>; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [statement, setStatement] = useState('');
  const { busy, error, run } = usePendingAction();
  return (
    <form
      className="procedure-form procedure-form--stacked"
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
      <ProcedureFormActions
        submitLabel={t('procedures.breakConfirm')}
        tone="danger"
        disabled={busy || statement.trim() === ''}
        onCancel={onCancel}
        error={error}
      />
    </form>
  );
}
