import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreatedInvite, LIMITS } from '../../../../shared/api/documents.ts';
import { LanguageList } from '../../../../shared/api/languages.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import { ROLES, type Role } from '../../../../shared/domain/roles.ts';
import { LANGUAGES } from '../../i18n/languages.ts';
import { apiRequest } from '../../lib/api.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAsync } from '../../lib/useAsync.ts';
import { usePendingAction } from '../../lib/usePendingAction.ts';

export interface InviteFormProps {
  documentId: string;
  /** Delegations that already have a link, offered as suggestions so spellings stay consistent. */
  delegations: string[];
  onCreated: (invite: CreatedInvite) => void;
}

const loadLanguages = (documentId: string) => apiRequest(LanguageList, 'GET', `/api/documents/${encodeURIComponent(documentId)}/languages`);

export function InviteForm({ documentId, delegations, onCreated }: InviteFormProps) {
  const { t } = useTranslation();
  const [delegation, setDelegation] = useState('');
  const [role, setRole] = useState<Role>('delegate');
  const [chosenLanguage, setLanguage] = useState<LanguageCode>();
  const { busy, error, run } = usePendingAction();
  // A translator translates an existing version: only those are offered (the server refuses any other language).
  const languageList = useAsync(documentId, loadLanguages).state;
  const versions = languageList.status === 'done' ? languageList.value.versions.map((version) => version.language) : [];
  const language = chosenLanguage !== undefined && versions.includes(chosenLanguage) ? chosenLanguage : versions[0];
  const cannotInvite = role === 'translator' && language === undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      onCreated(
        await apiRequest(CreatedInvite, 'POST', `/api/documents/${encodeURIComponent(documentId)}/invites`, {
          delegation: delegation.trim(),
          ...(role === 'translator' ? { role, language } : { role }),
        }),
      );
      setDelegation('');
    });
  };

  return (
    <form className="form form--row" onSubmit={submit} aria-label={t('organiser.newInvite')}>
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
      {role === 'translator' && language !== undefined && (
        <label className="form__field">
          <span className="form__label">{t('organiser.translatorLanguageLabel')}</span>
          <select name="language" value={language} onChange={(event) => setLanguage(event.target.value as LanguageCode)}>
            {LANGUAGES.filter(({ code }) => versions.includes(code)).map(({ code, name }) => (
              <option key={code} value={code} lang={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
      {role === 'translator' && languageList.status === 'error' && <ErrorNote error={languageList.error} />}
      {role === 'translator' && languageList.status === 'done' && language === undefined && (
        <p className="form__hint">{t('organiser.noLanguageVersions')}</p>
      )}
      <button type="submit" className="button button--primary" disabled={busy || !delegation.trim() || cannotInvite}>
        {t('organiser.createInvite')}
      </button>
      <ErrorNote error={error} />
    </form>
  );
}
