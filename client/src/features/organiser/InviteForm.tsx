import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreatedInvite, LIMITS } from '../../../../shared/api/documents.ts';
import { ROLES, type Role } from '../../../../shared/domain/roles.ts';
import { apiRequest } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errorMessage.ts';

export interface InviteFormProps {
  documentId: string;
  /** Delegations that already have a link, offered as suggestions so spellings stay consistent. */
  delegations: string[];
  onCreated: (invite: CreatedInvite) => void;
}

export function InviteForm({ documentId, delegations, onCreated }: InviteFormProps) {
  const { t } = useTranslation();
  const [delegation, setDelegation] = useState('');
  const [role, setRole] = useState<Role>('delegate');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onCreated(
        await apiRequest(CreatedInvite, 'POST', `/api/documents/${encodeURIComponent(documentId)}/invites`, {
          delegation: delegation.trim(),
          role,
        }),
      );
      setDelegation('');
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form form--row" onSubmit={(event) => void submit(event)} aria-label={t('organiser.newInvite')}>
      <label className="form__field">
        <span className="form__label">{t('organiser.delegationLabel')}</span>
        <input
          name="delegation"
          list="known-delegations"
          required
          maxLength={LIMITS.delegationLength}
          value={delegation}
          onChange={(event) => setDelegation(event.target.value)}
        />
        <datalist id="known-delegations">
          {delegations.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </label>
      <label className="form__field">
        <span className="form__label">{t('organiser.roleLabel')}</span>
        <select name="role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {t(`roles.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button--primary" disabled={busy || !delegation.trim()}>
        {t('organiser.createInvite')}
      </button>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
