import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../components/ErrorNote.tsx';

export interface ProcedureFormActionsProps {
  submitLabel: string;
  /** A submit that cannot be undone (breaking silence) looks dangerous, not primary. */
  tone: 'primary' | 'danger';
  disabled: boolean;
  onCancel: () => void;
  /** What went wrong with the last submit, if anything. */
  error: unknown;
}

/** The end of every procedure form: its submit and cancel buttons, then the last submit's error. */
export function ProcedureFormActions({ submitLabel, tone, disabled, onCancel, error }: ProcedureFormActionsProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className="procedure-form__actions">
        <button type="submit" className={`button button--${tone}`} disabled={disabled}>
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('procedures.cancel')}
        </button>
      </div>
      <ErrorNote error={error} />
    </>
  );
}
