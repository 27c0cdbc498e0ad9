import { useTranslation } from 'react-i18next';
import type { StatusCounts as Counts } from '../../../../shared/editor/translationStatus.ts';

/** "AR 38 up to date · 4 need update · 2 untranslated": a version's state at a glance. */
export function StatusCounts({ language, counts }: { language: string; counts: Counts }) {
  const { t } = useTranslation();
  return (
    <p className="status-counts" aria-live="polite">
      <strong lang={language}>{language.toUpperCase()}</strong>{' '}
      {[
        t('languageVersions.counts.upToDate', { count: counts.upToDate }),
        t('languageVersions.counts.needsUpdate', { count: counts.needsUpdate }),
        t('languageVersions.counts.untranslated', { count: counts.untranslated }),
      ].join(' · ')}
    </p>
  );
}
