import type { JSONContent } from '@tiptap/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errorMessage.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { formatWhen, versionAuthor, versionTitle } from './versionLabels.ts';
import { VersionViewer } from './VersionViewer.tsx';
import { versionsApi } from './versionsApi.ts';

/** One version's text, read-only, with what it is above it. */
export function VersionPane({ documentId, versionId }: { documentId: string; versionId: string }) {
  const { t, i18n } = useTranslation();
  const { state } = useAsync(versionId, (id) => versionsApi.content(documentId, id));
  if (state.status === 'loading') return <p className="muted">{t('history.loadingVersion')}</p>;
  if (state.status === 'error') {
    return (
      <p className="form__error" role="alert">
        {errorMessage(t, state.error)}
      </p>
    );
  }
  const { version, content, numbers } = state.value;
  return (
    <section className="history__pane-body" aria-labelledby="version-title">
      <header className="history__pane-header">
        <h3 id="version-title">{versionTitle(t, version, i18n.language)}</h3>
        <p className="muted">
          {t('history.viewingMeta', {
            kind: t(`history.kinds.${version.kind}`),
            who: `\u2068${versionAuthor(t, version)}\u2069`,
            date: `\u2068${formatWhen(version.createdAt, i18n.language)}\u2069`,
          })}
        </p>
      </header>
      <VersionViewer key={version.id} content={content as JSONContent} numbers={numbers} />
    </section>
  );
}
