import { useTranslation } from 'react-i18next';
import { type Participant, type PersonKey, samePerson } from '../editor/index.ts';

const keyOf = (person: PersonKey) => JSON.stringify([person.name, person.delegation]);

export interface PresenterPickerProps {
  participants: readonly Participant[];
  /** The person picked on this screen; null: automatic (the room's choice, else the first rapporteur). */
  picked: PersonKey | null;
  onPick: (person: PersonKey | null) => void;
}

/** Whom this screen follows: automatic, or a person picked here from those connected. */
export function PresenterPicker({ participants, picked, onPick }: PresenterPickerProps) {
  const { t } = useTranslation();
  const people = participants.filter((person, index) => !person.isSelf && participants.findIndex((other) => samePerson(other, person)) === index);
  return (
    <label className="projector__picker">
      <span>{t('projector.presenter')}</span>
      <select
        value={picked ? keyOf(picked) : ''}
        onChange={(event) => {
          const chosen = people.find((person) => keyOf(person) === event.target.value);
          onPick(chosen ? { name: chosen.name, delegation: chosen.delegation } : null);
        }}
      >
        <option value="">{t('projector.automatic')}</option>
        {people.map((person) => (
          <option key={person.clientId} value={keyOf(person)}>
            {`\u2068${person.role === 'organiser' ? t('roles.organiser') : person.name}\u2069${person.delegation ? ` · \u2068${person.delegation}\u2069` : ''}`}
          </option>
        ))}
      </select>
    </label>
  );
}
