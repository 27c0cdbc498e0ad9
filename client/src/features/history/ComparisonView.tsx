import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRecommendationNumber } from '../../i18n/format.ts';
import type { DiffBlock, RecommendationChange, VersionComparison } from '../../../../shared/api/versions.ts';

const BLOCK_CLASS: Record<string, string> = {
  heading: 'diff__block--heading',
  recommendation: 'diff__block--recommendation',
};

/** One block with its kept, inserted and deleted words; the whole block is marked when it was added or removed. */
function DiffBlockView({ block, showLabel }: { block: DiffBlock; showLabel: boolean }) {
  const { t, i18n } = useTranslation();
  const className = ['diff__block', BLOCK_CLASS[block.type] ?? '', `diff__block--${block.change}`].filter(Boolean).join(' ');
  return (
    <div className={className} dir={block.dir} data-change={block.change}>
      {showLabel && block.recommendation !== null && (
        <div className="diff__label">{t('editor.recommendationLabel', { number: formatRecommendationNumber(block.recommendation, i18n.language) })}</div>
      )}
      <p className="diff__text">
        {block.segments.map((segment, index) =>
          segment.op === 'added' ? (
            <ins key={index} className="diff__added" title={t('history.inserted')}>
              {segment.text}
            </ins>
          ) : segment.op === 'removed' ? (
            <del key={index} className="diff__removed" title={t('history.deleted')}>
              {segment.text}
            </del>
          ) : (
            <Fragment key={index}>{segment.text}</Fragment>
          ),
        )}
        {block.segments.length === 0 && '\u00a0'}
      </p>
    </div>
  );
}

function changeLabel(t: ReturnType<typeof useTranslation>['t'], language: string, change: RecommendationChange): string {
  const values = {
    from: change.from ? formatRecommendationNumber(change.from, language) : '',
    to: change.to ? formatRecommendationNumber(change.to, language) : '',
  };
  if (change.change === 'changed' && values.from !== values.to) return t('history.recommendationChange.changedRenumbered', values);
  return t(`history.recommendationChange.${change.change}`, values);
}

/** The recommendations added, removed or changed, then the text with insertions and deletions highlighted. */
export function ComparisonView({ comparison }: { comparison: VersionComparison }) {
  const { t, i18n } = useTranslation();
  const identical = comparison.blocks.every((block) => block.change === 'same') && comparison.recommendations.length === 0;
  return (
    <div className="diff">
      <section aria-labelledby="diff-recommendations" className="diff__summary">
        <h3 id="diff-recommendations">{t('history.recommendationsTitle')}</h3>
        {comparison.recommendations.length === 0 ? (
          <p className="muted">{t('history.noRecommendationChanges')}</p>
        ) : (
          <ul className="diff__changes">
            {comparison.recommendations.map((change) => (
              <li key={change.id} className={`diff__change diff__change--${change.change}`} data-change={change.change}>
                <span className="diff__change-label">{changeLabel(t, i18n.language, change)}</span>
                <span className="diff__change-text" dir="auto">
                  {change.text}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="diff-text">
        <div className="diff__text-header">
          <h3 id="diff-text">{t('history.textTitle')}</h3>
          <span className="diff__legend" aria-hidden="true">
            <ins className="diff__added">{t('history.inserted')}</ins> <del className="diff__removed">{t('history.deleted')}</del>
          </span>
        </div>
        {identical && <p className="muted">{t('history.noDifferences')}</p>}
        <div className="diff__document">
          {comparison.blocks.map((block, index) => {
            const previous = comparison.blocks[index - 1];
            // A recommendation with several paragraphs shows its number once, on its first block.
            const first = previous?.type !== 'recommendation' || previous.recommendation !== block.recommendation;
            return <DiffBlockView key={index} block={block} showLabel={block.recommendation !== null && first} />;
          })}
        </div>
      </section>
    </div>
  );
}
