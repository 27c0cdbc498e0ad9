import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePendingAction } from '../../lib/usePendingAction.ts';
import { ProcedureFormActions } from './ProcedureFormActions.tsx';
import type { DeadlineInput } from './proceduresApi.ts';
import { instantOf, timeZones } from './zonedTime.ts';

export interface WhenFormProps {
  /** The form's heading and the submit button's words. */
  legend: string;
  submitLabel: string;
  onSubmit: (input: DeadlineInput) => Promise<unknown>;
  onCancel: () => void;
}

/** A date, a time, the zone they are in, and who to tell by e-mail: for a deadline or a silence procedure. */
export function WhenForm({ legend, submitLabel, onSubmit, onCancel }: WhenFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [zones] = useState(timeZones);
  const [local, setLocal] = useState('');
  const [zone, setZone] = useState(zones[0]!);
  const [notify, setNotify] = useState('');
  const { busy, error, run } = usePendingAction();
  const at = instantOf(local, zone);
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
        <input id={`${id}-when`} type="datetime-local" value={local} onChange={(event) => setLocal(event.target.value)} required />
        <label htmlFor={`${id}-zone`}>{t('procedures.timeZone')}</label>
        <select id={`${id}-zone`} value={zone} onChange={(event) => setZone(event.target.value)}>
          {zones.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-notify`}>{t('procedures.notify')}</label>
        <input id={`${id}-notify`} type="text" inputMode="email" dir="ltr" value={notify} onChange={(event) => setNotify(event.target.value)} />
        <p className="muted procedure-form__hint">{t('procedures.notifyHint')}</p>
        <ProcedureFormActions submitLabel={submitLabel} tone="primary" disabled={busy || !at} onCancel={onCancel} error={error} />
      </fieldset>
    </form>
  );
}
