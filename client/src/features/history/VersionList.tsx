import { useTranslation } from 'react-i18next';
import type { Version } from '../../../../shared/api/versions.ts';
import { formatWhen, versionAuthor, versionTitle } from './versionLabels.ts';

export interface VersionListProps {
  versions: Version[];
  selectedId: string | undefined;
  canRestore: boolean;
  onView: (version: Version) => void;
  onCompare: (version: Version) => void;
  onRestore: (version: Version) => void;
}

/** The versions, newest first: what each is, who saved it and when, and what can be done with it. */
export function VersionList({ versions, selectedId, canRestore, onView, onCompare, onRestore }: VersionListProps) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="card-list">
      {versions.map((version) => {
        const name = versionTitle(t, version, i18n.language);
        return (
          <li key={version.id} className={version.id === selectedId ? 'version version--selected' : 'version'} data-version={version.id}>
            <div className="version__title">
              <bdi className="version__name">{name}</bdi>
              <span className={`version__kind version__kind--${version.kind}`}>{t(`history.kinds.${version.kind}`)}</span>
            </div>
            <div className="version__meta">
              {/* Names and dates are isolated so a Latin name in an Arabic interface (or the reverse) keeps its order. */}
              <bdi>{versionAuthor(t, version)}</bdi> ·{' '}
              <bdi>
                <time dateTime={version.createdAt}>{formatWhen(version.createdAt, i18n.language)}</time>
              </bdi>
            </div>
            <div className="version__actions">
              <button type="button" className="button button--small" aria-label={t('history.viewLabel', { name })} onClick={() => onView(version)}>
                {t('history.view')}
              </button>
              <button type="button" className="button button--small" aria-label={t('history.compareLabel', { name })} onClick={() => onCompare(version)}>
                {t('history.compare')}
              </button>
              {canRestore && (
                <button
                  type="button"
                  className="button button--small button--quiet version__restore"
                  aria-label={t('history.restoreLabel', { name })}
                  onClick={() => onRestore(version)}
                >
                  {t('history.restore')}
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
