import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRecommendationNumber } from '../../i18n/format.ts';
import { type LanguageVersionSummary, type VersionBlock, VersionBlockList } from '../../../../shared/api/languages.ts';
import { apiRequest } from '../../lib/api.ts';

/** How many lagging blocks the warning names; the rest are counted. */
const LISTED = 8;

/**
 * The warning of a final export of a translation that lags behind its source: how many blocks, and which (by
 * recommendation number, else by their first words), read again whenever the live counts move.
 */
export function IncompleteTranslation({ documentId, version }: { documentId: string; version: LanguageVersionSummary }) {
  const { t, i18n } = useTranslation();
  const { language, needsUpdate, untranslated } = version;
  const [lagging, setLagging] = useState<VersionBlock[] | undefined>();

  useEffect(() => {
    let current = true;
    apiRequest(VersionBlockList, 'GET', `/api/documents/${encodeURIComponent(documentId)}/languages/${language}/blocks`).then(
      (list) => current && setLagging(list.blocks.filter((block) => block.status !== 'upToDate')),
      // The counts above still say how far it lags; the list is a help.
      () => current && setLagging(undefined),
    );
    return () => {
      current = false;
    };
  }, [documentId, language, needsUpdate, untranslated]);

  return (
    <div className="notice export__warning" role="status">
      <p>{t('export.translationIncomplete', { language: language.toUpperCase(), needsUpdate, untranslated })}</p>
      {lagging && lagging.length > 0 && (
        <ul className="export__lagging">
          {lagging.slice(0, LISTED).map((block, index) => (
            <li key={block.blockId ?? index}>
              {block.recommendation === null ? <q dir="auto">{block.excerpt}</q> : t('editor.recommendationLabel', { number: formatRecommendationNumber(block.recommendation, i18n.language) })}
              {' — '}
              {t(`languageVersions.status.${block.status}`)}
            </li>
          ))}
          {lagging.length > LISTED && <li>{t('export.moreBlocks', { count: lagging.length - LISTED })}</li>}
        </ul>
      )}
    </div>
  );
}
