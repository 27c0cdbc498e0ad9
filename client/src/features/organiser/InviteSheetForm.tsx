import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreatedInvite, type InviteSummary, LIMITS } from '../../../../shared/api/documents.ts';
import { ROLES, type Role } from '../../../../shared/domain/roles.ts';
import { apiRequest } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errorMessage.ts';
import { randomId } from '../../lib/randomId.ts';
import { ActionsColumnHeader } from './ActionsColumnHeader.tsx';

interface CardRow {
  key: string;
  include: boolean;
  delegation: string;
  role: Role;
}

export interface InviteSheetFormProps {
  documentId: string;
  /** The document's invites: each delegation and role with an active link is offered as a card. */
  invites: InviteSummary[];
  onCreated: (invites: CreatedInvite[], error?: string) => void;
  onCancel: () => void;
}

const newRow = (delegation = '', role: Role = 'delegate'): CardRow => ({ key: randomId(8), include: true, delegation, role });

function initialRows(invites: InviteSummary[]): CardRow[] {
  const seen = new Set<string>();
  const rows: CardRow[] = [];
  for (const invite of invites) {
    const key = `${invite.role}\u0000${invite.delegation}`;
    if (invite.revokedAt || seen.has(key)) continue;
    seen.add(key);
    rows.push(newRow(invite.delegation, invite.role));
  }
  return rows.length > 0 ? rows : [newRow()];
}

/**
 * Picks the delegations (and the role of each card) for a printed invite sheet, then creates one new invite per card:
 * tokens are stored only as hashes, so a link can be printed only when it is created.
 */
export function InviteSheetForm({ documentId, invites, onCreated, onCancel }: InviteSheetFormProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [rows, setRows] = useState(() => initialRows(invites));
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [error, setError] = useState<string>();
  const chosen = rows.filter((row) => row.include && row.delegation.trim());

  const update = (key: string, change: Partial<CardRow>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const created: CreatedInvite[] = [];
    // Every card of this sheet carries its id, so the server numbers the sheet and can revoke it as one.
    const sheetId = `sheet-${randomId(16)}`;
    setProgress({ done: 0, total: chosen.length });
    try {
      // One after another: the sheet keeps the order chosen, and a refusal stops before creating more links.
      for (const row of chosen) {
        created.push(
          await apiRequest(CreatedInvite, 'POST', `/api/documents/${encodeURIComponent(documentId)}/invites`, {
            delegation: row.delegation.trim(),
            role: row.role,
            sheetId,
          }),
        );
        setProgress({ done: created.length, total: chosen.length });
      }
      onCreated(created);
    } catch (caught) {
      const message = errorMessage(t, caught);
      if (created.length > 0) onCreated(created, message);
      else setError(message);
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <form className="form invite-sheet-form" aria-labelledby={titleId} onSubmit={(event) => void submit(event)}>
      <h3 id={titleId}>{t('venue.sheet.formTitle')}</h3>
      <p className="form__hint">{t('venue.sheet.intro')}</p>
      <table className="invite-sheet-form__rows">
        <thead>
          <tr>
            <th scope="col">{t('venue.sheet.includeColumn')}</th>
            <th scope="col">{t('organiser.columns.delegation')}</th>
            <th scope="col">{t('organiser.columns.role')}</th>
            <ActionsColumnHeader />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.key}>
              <td>
                <input
                  type="checkbox"
                  checked={row.include}
                  aria-label={t('venue.sheet.includeCard', { number: index + 1 })}
                  onChange={(event) => update(row.key, { include: event.target.checked })}
                />
              </td>
              <td>
                <input
                  aria-label={t('venue.sheet.delegationOfCard', { number: index + 1 })}
                  maxLength={LIMITS.delegationLength}
                  value={row.delegation}
                  dir="auto"
                  onChange={(event) => update(row.key, { delegation: event.target.value })}
                />
              </td>
              <td>
                <select
                  aria-label={t('venue.sheet.roleOfCard', { number: index + 1 })}
                  value={row.role}
                  onChange={(event) => update(row.key, { role: event.target.value as Role })}
                >
                  {/* A translator's invite also names a language: made one at a time, in the invite form. */}
                  {ROLES.filter((value) => value !== 'translator').map((value) => (
                    <option key={value} value={value}>
                      {t(`roles.${value}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button
                  type="button"
                  className="button button--quiet button--small"
                  aria-label={t('venue.sheet.removeCard', { number: index + 1 })}
                  onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))}
                >
                  {t('venue.sheet.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="invite-sheet-form__actions">
        <button type="button" className="button" onClick={() => setRows((current) => [...current, newRow()])}>
          {t('venue.sheet.addCard')}
        </button>
        <span className="invite-sheet-form__spacer" />
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('venue.sheet.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={Boolean(progress) || chosen.length === 0}>
          {progress ? t('venue.sheet.creating', { done: progress.done, total: progress.total }) : t('venue.sheet.create', { count: chosen.length })}
        </button>
      </div>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
