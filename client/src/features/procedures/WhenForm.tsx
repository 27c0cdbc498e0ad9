import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePendingAction } from '../../lib/usePendingAction.ts';
import { ProcedureFormActions } from './ProcedureFormActions.tsx';
import type { DeadlineInput } from './proceduresApi.ts';
import { useNow } from './useProcedures.ts';
import { formatInZone, instantOf, timeZones } from './zonedTime.ts';

export interface WhenFormProps {
  /** The form's heading and the submit button's words. */
  legend: string;
  submitLabel: string;
  onSubmit: (input: DeadlineInput) => Promise<unknown>;
  onCancel: () => void;
  /**
   * The moment must be ahead (a silence procedure): a past one is refused here, as the server would. A deadline for
   * proposals may be past (it then binds at once): the form only says so.
   */
  mustBeFuture: boolean;
}

/** A date, a time, the zone they are in, and who to tell by e-mail: for a deadline or a silence procedure. */
export function WhenForm({ legend, submitLabel, onSubmit, onCancel, mustBeFuture }: WhenFormProps) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const id = useId();
  const [zones] = useState(timeZones);
  const [local, setLocal] = useState('');
  const [zone, setZone] = useState(zones[0]!);
  const [notify, setNotify] = useState('');
  const { busy, error, run } = usePendingAction();
  const at = instantOf(local, zone);
  const past = at !== undefined && Date.parse(at) <= now;
  return (
    <form
      className="procedure-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!at) return;
        const addresses = notify.split(/[\s,;]+/).filter(Boolean);
        void run(() => onSubmit({ at, timeZone: zone, notify: addresses }));
      }}
    >
      <fieldset>
        <legend>{legend}</legend>
        <label htmlFor={`${id}-when`}>{t('procedures.dateTime')}</label>
        <input
          id={`${id}-when`}
          type="datetime-local"
          value={local}
          onChange={(event) => setLocal(event.target.value)}
          required
          aria-invalid={past && mustBeFuture}
          aria-describedby={`${id}-reading`}
        />
        <label htmlFor={`${id}-zone`}>{t('procedures.timeZone')}</label>
        <select id={`${id}-zone`} value={zone} onChange={(event) => setZone(event.target.value)}>
          {zones.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <p id={`${id}-reading`} className={past ? 'form__error procedure-form__reading' : 'muted procedure-form__reading'} role={past ? 'alert' : undefined}>
          {at &&
            (past
              ? t(mustBeFuture ? 'procedures.pastMustBeFuture' : 'procedures.pastDeadline', { zone, local: formatInZone(at, i18n.language) })
              : t('procedures.yourTime', { local: formatInZone(at, i18n.language) }))}
        </p>
        <label htmlFor={`${id}-notify`}>{t('procedures.notify')}</label>
        <input id={`${id}-notify`} type="text" inputMode="email" dir="ltr" value={notify} onChange={(event) => setNotify(event.target.value)} />
        <p className="muted procedure-form__hint">{t('procedures.notifyHint')}</p>
        <ProcedureFormActions submitLabel={submitLabel} tone="primary" disabled={busy || !at || (past && mustBeFuture)} onCancel={onCancel} error={error} />
      </fieldset>
    </form>
  );
}
