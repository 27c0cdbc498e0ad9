import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreatedInvite, type DocumentSummary, InviteList, InviteSummary, MemberList, RevokedSheet } from '../../../../shared/api/documents.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { languageName } from '../../i18n/languages.ts';
import { apiRequest } from '../../lib/api.ts';
import { navigate } from '../../lib/router.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { QrCode } from '../../components/QrCode.tsx';
import { CopyButton } from './CopyButton.tsx';
import { EarlierInvites } from './EarlierInvites.tsx';
import { InviteForm } from './InviteForm.tsx';
import { InviteQrView } from './InviteQrView.tsx';
import { InviteSheet } from './InviteSheet.tsx';
import { InviteSheetForm } from './InviteSheetForm.tsx';
import { MembersByDelegation } from './MembersByDelegation.tsx';
import { PublicationForm } from './PublicationForm.tsx';
import { ActionsColumnHeader } from './ActionsColumnHeader.tsx';
import { projectorInviteUrl } from '../../lib/projectorPath.ts';

const loadInvitesAndMembers = async (documentId: string) => {
  const [invites, members] = await Promise.all([
    apiRequest(InviteList, 'GET', `/api/documents/${encodeURIComponent(documentId)}/invites`),
    apiRequest(MemberList, 'GET', `/api/documents/${encodeURIComponent(documentId)}/members`),
  ]);
  return { invites: invites.invites, members: members.members };
};

/** The language a translator's invite translates, named in itself and kept in its own direction inside the row. */
function InviteLanguage({ code }: { code: LanguageCode }) {
  return (
    <>
      {' · '}
      <bdi lang={code}>{languageName(code)}</bdi>
    </>
  );
}

export interface DocumentPanelProps {
  document: DocumentSummary;
  /** The invite links made for this document since the page was opened, newest first. */
  made: readonly CreatedInvite[];
  onMadeChange: (change: (made: readonly CreatedInvite[]) => readonly CreatedInvite[]) => void;
}

/** One document seen by the organiser: open it, hand out invite links per delegation and role, revoke them. */
export function DocumentPanel({ document, made, onMadeChange }: DocumentPanelProps) {
  const { t, i18n } = useTranslation();
  const { state, reload } = useAsync(document.id, loadInvitesAndMembers);
  const created = made[0];
  const [error, setError] = useState<unknown>();
  const [qrFor, setQrFor] = useState<CreatedInvite>();
  const [sheet, setSheet] = useState<'choosing' | { invites: CreatedInvite[]; error?: string }>();
  const path = `/api/documents/${encodeURIComponent(document.id)}`;

  const revoke = async (invite: InviteSummary) => {
    if (!window.confirm(t('organiser.revokeConfirm', { role: t(`roles.${invite.role}`), delegation: invite.delegation }))) return;
    try {
      await apiRequest(InviteSummary, 'DELETE', `${path}/invites/${encodeURIComponent(invite.id)}`);
      onMadeChange((list) => list.filter((candidate) => candidate.id !== invite.id));
      reload();
    } catch (caught) {
      setError(caught);
    }
  };

  const revokeSheet = async (sheetNumber: number) => {
    if (!window.confirm(t('organiser.revokeSheetConfirm', { number: sheetNumber }))) return;
    try {
      await apiRequest(RevokedSheet, 'DELETE', `${path}/invite-sheets/${sheetNumber}`);
      reload();
    } catch (caught) {
      setError(caught);
    }
  };

  const showCreatedQr = async (invite: CreatedInvite) => {
    setQrFor(invite);
    try {
      await apiRequest(InviteSummary, 'POST', `${path}/invites/${encodeURIComponent(invite.id)}/qr`);
      reload();
    } catch (caught) {
      setError(caught);
    }
  };

  const invites = state.status === 'done' ? state.value.invites : [];
  // Sheets with a card still active, in order: each can be revoked at once (a sheet left on a table, say).
  const activeSheets = [...new Set(invites.flatMap((invite) => (invite.sheetNumber !== null && !invite.revokedAt ? [invite.sheetNumber] : [])))].sort(
    (a, b) => a - b,
  );
  const handout = (invite: InviteSummary) =>
    invite.handout === 'sheet' ? t('organiser.handout.sheet', { number: invite.sheetNumber }) : t(`organiser.handout.${invite.handout}`);
  return (
    <section className="document-panel" aria-labelledby="document-panel-title">
      <div className="document-panel__head">
        <h2 id="document-panel-title" dir="auto">
          {document.title}
        </h2>
        <button type="button" className="button button--primary" onClick={() => navigate(`/documents/${encodeURIComponent(document.id)}`)}>
          {t('organiser.open')}
        </button>
      </div>

      <h3>{t('organiser.invites')}</h3>
      {state.status === 'loading' && <p className="loading">{t('app.loading')}</p>}
      {state.status === 'error' && <ErrorNote error={state.error} />}
      <ErrorNote error={error} />
      {state.status === 'done' && invites.length === 0 && <p className="muted">{t('organiser.noInvites')}</p>}
      {invites.length > 0 && (
        <div className="table-scroll">
          <table className="invites">
            <thead>
              <tr>
                <th scope="col">{t('organiser.columns.delegation')}</th>
                <th scope="col">{t('organiser.columns.role')}</th>
                <th scope="col">{t('organiser.columns.members')}</th>
                <th scope="col">{t('organiser.columns.made')}</th>
                <th scope="col">{t('organiser.columns.handout')}</th>
                <th scope="col">{t('organiser.columns.lastUsed')}</th>
                <th scope="col">{t('organiser.columns.status')}</th>
                <ActionsColumnHeader />
              </tr>
            </thead>
            <tbody>
              {invites.map((invite) => (
                <tr key={invite.id} className={invite.revokedAt ? 'invites__row--revoked' : undefined}>
                  <td>
                    <span className="swatch" style={{ backgroundColor: invite.color }} aria-hidden="true" />
                    {invite.delegation}
                  </td>
                  <td>
                    {t(`roles.${invite.role}`)}
                    {invite.language && <InviteLanguage code={invite.language} />}
                  </td>
                  <td>{t('organiser.memberCount', { count: invite.memberCount })}</td>
                  <td>
                    {invite.createdBy
                      ? t('organiser.madeBy', { date: formatDateTime(invite.createdAt, i18n.language), name: invite.createdBy })
                      : formatDateTime(invite.createdAt, i18n.language)}
                  </td>
                  <td>{handout(invite)}</td>
                  <td>{invite.lastUsedAt ? formatDateTime(invite.lastUsedAt, i18n.language) : t('organiser.neverUsed')}</td>
                  <td>{invite.revokedAt ? t('organiser.revoked') : t('organiser.active')}</td>
                  <td className="invites__actions">
                    {!invite.revokedAt && (
                      <button type="button" className="button button--danger" onClick={() => void revoke(invite)}>
                        {t('organiser.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {activeSheets.length > 0 && (
        <p className="invites__sheets">
          {activeSheets.map((number) => (
            <button key={number} type="button" className="button button--danger" onClick={() => void revokeSheet(number)}>
              {t('organiser.revokeSheet', { number })}
            </button>
          ))}
        </p>
      )}

      {created && (
        <div className="created-invite" role="status">
          <QrCode
            className="created-invite__code"
            text={created.url}
            label={t('venue.qrLabel', { delegation: created.delegation, role: t(`roles.${created.role}`) })}
          />
          <div className="created-invite__body">
            <p>{t('organiser.inviteCreated', { delegation: created.delegation, role: t(`roles.${created.role}`) })}</p>
            <div className="created-invite__link">
              <input
                id="created-invite-url"
                readOnly
                value={created.url}
                dir="ltr"
                aria-label={t('venue.linkLabel')}
                onFocus={(event) => event.target.select()}
              />
              <CopyButton text={created.url} fieldId="created-invite-url" />
              <button type="button" className="button" onClick={() => void showCreatedQr(created)}>
                {t('venue.showQr')}
              </button>
            </div>
            {created.role === 'observer' && (
              <>
                <p>{t('organiser.screenLink')}</p>
                <div className="created-invite__link">
                  <input
                    id="created-invite-screen-url"
                    readOnly
                    value={projectorInviteUrl(created.url)}
                    dir="ltr"
                    aria-label={t('organiser.screenLink')}
                    onFocus={(event) => event.target.select()}
                  />
                  <CopyButton text={projectorInviteUrl(created.url)} fieldId="created-invite-screen-url" />
                </div>
              </>
            )}
          </div>
        </div>
      )}
      <EarlierInvites invites={made.slice(1)} onShowQr={(invite) => void showCreatedQr(invite)} />
      {qrFor && <InviteQrView invite={qrFor} documentTitle={document.title} onClose={() => setQrFor(undefined)} />}

      <InviteForm
        documentId={document.id}
        delegations={[...new Set(invites.map((invite) => invite.delegation))]}
        onCreated={(invite) => {
          onMadeChange((list) => [invite, ...list]);
          reload();
        }}
      />

      {sheet === 'choosing' ? (
        <InviteSheetForm
          documentId={document.id}
          invites={invites}
          onCancel={() => setSheet(undefined)}
          onCreated={(cards, cardError) => {
            setSheet({ invites: cards, error: cardError });
            reload();
          }}
        />
      ) : (
        <p>
          <button type="button" className="button" onClick={() => setSheet('choosing')}>
            {t('venue.sheet.open')}
          </button>
        </p>
      )}
      {sheet && sheet !== 'choosing' && (
        <InviteSheet documentTitle={document.title} invites={sheet.invites} error={sheet.error} onClose={() => setSheet(undefined)} />
      )}

      <h3>{t('organiser.publication.title')}</h3>
      <p className="muted">{t('organiser.publication.hint')}</p>
      <PublicationForm documentId={document.id} />

      <h3>{t('organiser.members')}</h3>
      {state.status === 'done' && <MembersByDelegation members={state.value.members} />}
    </section>
  );
}
