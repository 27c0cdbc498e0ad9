import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/api/documents.ts';
import { InvitePreview, Me } from '../../../../shared/api/session.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { LoadingPage } from '../../components/LoadingPage.tsx';
import { MessagePage } from '../../components/MessagePage.tsx';
import { ApiError, apiRequest } from '../../lib/api.ts';
import { usePendingAction } from '../../lib/usePendingAction.ts';
import { navigate } from '../../lib/router.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { rememberName, rememberedName } from './rememberedName.ts';
import { RetryPage } from '../../components/RetryPage.tsx';
import { PROJECTOR_VIEW, projectorPath } from '../../lib/projectorPath.ts';

const previewInvite = (token: string) => apiRequest(InvitePreview, 'POST', '/api/invites/preview', { token });

/**
 * `/join#<token>`: says what the invite opens, asks for the person's name, and opens the document.
 * `/join?view=projector#<token>`: joins at once as the room screen and opens it (the venue's PC types nothing).
 */
export function JoinPage() {
  const { t } = useTranslation();
  const [token] = useState(() => window.location.hash.slice(1));
  const { state, reload } = useAsync(token, previewInvite);

  if (!token) {
    return (
      <MessagePage title={t('join.unknownTitle')} tone="problem">
        <p>{t('join.missingToken')}</p>
      </MessagePage>
    );
  }
  if (state.status === 'loading') return <LoadingPage label={t('join.checking')} />;
  if (state.status === 'error') {
    const { error } = state;
    if (error instanceof ApiError && error.status === 403) {
      return (
        <MessagePage title={t('join.revokedTitle')} tone="problem">
          <p>{t('join.revokedBody')}</p>
        </MessagePage>
      );
    }
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
      return (
        <MessagePage title={t('join.unknownTitle')} tone="problem">
          <p>{t('join.unknownBody')}</p>
        </MessagePage>
      );
    }
    return <RetryPage error={error} onRetry={reload} />;
  }
  if (new URLSearchParams(window.location.search).get('view') === PROJECTOR_VIEW) return <ScreenJoin token={token} />;
  return <JoinForm token={token} preview={state.value} />;
}

const join = (token: string, name: string) => apiRequest(Me, 'POST', '/api/join', { token, name });

/** Joins as "Room screen" (in the interface's language) and opens the room screen of the invite's document. */
function ScreenJoin({ token }: { token: string }) {
  const { t } = useTranslation();
  const { error, run } = usePendingAction();
  const started = useRef(false);
  useEffect(() => {
    // Once: React's development double effects must not join twice.
    if (started.current) return;
    started.current = true;
    void run(async () => {
      const me = await join(token, t('projector.screenName'));
      if (me.kind === 'member') navigate(projectorPath(me.documentId), { replace: true });
    });
  }, [run, t, token]);
  if (error) return <RetryPage error={error} onRetry={() => window.location.reload()} />;
  return <LoadingPage label={t('projector.loading')} />;
}

function JoinForm({ token, preview }: { token: string; preview: InvitePreview }) {
  const { t } = useTranslation();
  const [name, setName] = useState(rememberedName);
  const { busy, error, run } = usePendingAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const me = await join(token, name.trim());
      rememberName(name.trim());
      // A translator starts where they work: the source beside their language.
      if (me.kind === 'member') {
        const document = `/documents/${encodeURIComponent(me.documentId)}`;
        navigate(me.language ? `${document}/languages/${me.language}` : document, { replace: true });
      }
    });
  };

  return (
    <MessagePage title={t('join.title', { title: preview.documentTitle })}>
      <p className="join__invited">
        <span className="swatch" style={{ backgroundColor: preview.color }} aria-hidden="true" />
        {t('join.invitedAs', { role: t(`roles.${preview.role}`), delegation: preview.delegation })}
      </p>
      <form className="form" onSubmit={submit}>
        <label className="form__field">
          <span className="form__label">{t('join.nameLabel')}</span>
          <input
            name="name"
            autoComplete="name"
            required
            maxLength={LIMITS.personNameLength}
            value={name}
            onChange={(event) => setName(event.target.value)}
            autoFocus
          />
          <span className="form__hint">{t('join.nameHint')}</span>
        </label>
        <ErrorNote error={error} />
        <button type="submit" className="button button--primary" disabled={busy || !name.trim()}>
          {busy ? t('join.joining') : t('join.submit')}
        </button>
      </form>
    </MessagePage>
  );
}
