import type { Editor, Extensions } from '@tiptap/core';
import { memo, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRecommendationNumber } from '../../i18n/format.ts';
import type * as Y from 'yjs';
import { blockWording } from '../../../../shared/editor/alignedBlocks.ts';
import type { SideBySideRow } from './useAlignedRows.ts';
import { StaticBlock } from './StaticBlock.tsx';
import { TranslationEditor } from './TranslationEditor.tsx';
import { useNearViewport } from './useNearViewport.ts';
import { WordDiff } from './WordDiff.tsx';

export interface TranslationRowProps {
  row: SideBySideRow;
  version: Y.Doc;
  language: string;
  dir: 'ltr' | 'rtl';
  canWrite: boolean;
  onConfirm: (row: SideBySideRow) => void;
  /** Extensions every translation editor gets from the page (comment highlights). */
  editorExtensions?: Extensions;
  /** What the page shows under a block's translation once its editor is there: the block's comment threads. */
  renderThreads?: (blockId: string, editor: Editor) => ReactNode;
}

/** One block: the source on one side, its translation with status (and what changed since confirmed) on the other. */
export const TranslationRow = memo(function TranslationRow({ row, version, language, dir, canWrite, onConfirm, editorExtensions, renderThreads }: TranslationRowProps) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLLIElement>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  // Only a row near the viewport holds an editor, so a long document is readable and editable at once.
  const near = useNearViewport(ref);
  const sourceWording = blockWording(row.source);
  const translated = row.translation !== null && blockWording(row.translation).length > 0;
  const label = row.number !== null ? t('editor.recommendationLabel', { number: formatRecommendationNumber(row.number.number, i18n.language) }) : undefined;
  return (
    <li ref={ref} className={`side-by-side__row side-by-side__row--${row.status}`} data-block-id={row.id ?? undefined} data-status={row.status}>
      <div className="side-by-side__source">
        {label && <p className="side-by-side__number">{label}</p>}
        <StaticBlock node={row.source} />
      </div>
      <div className="side-by-side__version">
        <p className="side-by-side__status">
          <span className={`status-chip status-chip--${row.status}`}>{t(`languageVersions.status.${row.status}`)}</span>
          {row.status === 'untranslated' && translated && <span className="side-by-side__draft">{t('languageVersions.draft')}</span>}
          {canWrite && row.id && translated && row.status !== 'upToDate' && (
            <button type="button" className="button button--small" onClick={() => onConfirm(row)} aria-keyshortcuts="Control+Enter Meta+Enter">
              {t('languageVersions.confirm')}
            </button>
          )}
        </p>
        {row.status === 'needsUpdate' && row.confirmation && <WordDiff before={row.confirmation.source} after={sourceWording} />}
        {row.id === null ? (
          <p className="notice">{t('languageVersions.noId')}</p>
        ) : near ? (
          <TranslationEditor
            version={version}
            blockId={row.id}
            sourceType={row.source.type.name}
            language={language}
            dir={dir}
            editable={canWrite}
            label={label ? t('languageVersions.translationOfNumbered', { label }) : t('languageVersions.translationOf')}
            placeholder={t('languageVersions.placeholder')}
            onConfirm={() => onConfirm(row)}
            extensions={editorExtensions}
            onEditor={setEditor}
          />
        ) : (
          row.translation && <StaticBlock node={row.translation} lang={language} dir={dir} />
        )}
        {near && row.id !== null && editor && renderThreads?.(row.id, editor)}
      </div>
    </li>
  );
});
