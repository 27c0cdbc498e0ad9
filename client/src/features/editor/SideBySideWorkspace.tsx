import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import { boundByDeadline } from '../../../../shared/domain/deadline.ts';
import { canWriteText } from '../../../../shared/domain/textAccess.ts';
import { blockWording } from '../../../../shared/editor/alignedBlocks.ts';
import { confirm, countStatuses } from '../../../../shared/editor/translationStatus.ts';
import { languageRoomName } from '../../../../shared/protocol/languageRooms.ts';
import { AppHeader } from '../../components/AppHeader.tsx';
import { languageDirection } from '../../i18n/languages.ts';
import { LiveChannel } from '../../lib/liveChannel.ts';
import { navigate } from '../../lib/router.ts';
import { BlockThreads, CommentHighlights, ThreadStore } from '../comments/index.ts';
import { type SideBySideRow, StatusCounts, TranslationRow, useAlignedRows } from '../languages/index.ts';
import { ProceduresStore, useBeforeDeadline, useProcedures } from '../procedures/index.ts';
import { ConnectionStatus, useConnectionState } from './ConnectionStatus.tsx';
import type { DocumentAccess } from './documentAccess.ts';
import { useRoom } from './useRoom.ts';

const FILTERS = ['all', 'needsUpdate', 'untranslated'] as const;
/** Every translation editor highlights the comment threads on its block. */
const TRANSLATION_EDITOR_EXTENSIONS = [CommentHighlights];
type Filter = (typeof FILTERS)[number];

export interface SideBySideWorkspaceProps {
  access: DocumentAccess;
  language: LanguageCode;
  onAccessChanged: () => void;
}

/**
 * `/documents/:id/languages/:language`: the source beside one language version, one row per block, each version block
 * with its status; a translator (or rapporteur) confirms a block with one action or Ctrl/⌘+Enter.
 */
export function SideBySideWorkspace({ access, language, onAccessChanged }: SideBySideWorkspaceProps) {
  const { t } = useTranslation();
  const { me, document } = access;
  const source = useRoom(document.id, onAccessChanged);
  const version = useRoom(languageRoomName(document.id, language), onAccessChanged);
  const connection = useConnectionState(version);
  // The document's live channel: comment threads on this version's blocks, and the deadline for opening them.
  const [channel] = useState(() => new LiveChannel(document.id));
  const [threadStore] = useState(() => new ThreadStore(channel));
  const [procedureStore] = useState(() => new ProceduresStore(channel));
  // Started once the translation has arrived: the text first, its comments a moment later (the channel's first
  // events make the server count every version's statuses, work that would otherwise compete with the first load).
  const textShown = connection.everSynced;
  useEffect(() => (textShown ? channel.start() : undefined), [channel, textShown]);
  const procedures = useProcedures(procedureStore);
  const canOpenThreads = useBeforeDeadline(procedures?.deadline?.at ?? null) || !boundByDeadline(document.role, 'thread.open');
  const renderThreads = useCallback(
    (blockId: string, editor: Editor) => (
      <BlockThreads
        editor={editor}
        language={language}
        blockId={blockId}
        me={me}
        document={document}
        canOpenThreads={canOpenThreads}
        store={threadStore}
        channel={channel}
      />
    ),
    [language, me, document, canOpenThreads, threadStore, channel],
  );
  const rows = useAlignedRows(source.ydoc, version.ydoc);
  const counts = countStatuses(rows);
  const [filter, setFilter] = useState<Filter>('all');
  const canWrite =
    canWriteText({ role: document.role, language: me.kind === 'member' ? me.language : null }, language, document) && connection.status !== 'closed';
  const dir = languageDirection(language);
  const onConfirm = useCallback(
    (row: SideBySideRow) => {
      if (!row.id || !row.translation || blockWording(row.translation).length === 0) return;
      confirm(version.ydoc, row.id, { source: blockWording(row.source), by: me.name, at: new Date().toISOString() });
    },
    [version, me.name],
  );
  const shown = filter === 'all' ? rows : rows.filter((row) => row.status === filter);

  return (
    <div className="page side-by-side-page">
      <AppHeader>
        <button type="button" className="button button--quiet" onClick={() => navigate(`/documents/${encodeURIComponent(document.id)}`)}>
          {t('languageVersions.backToDocument')}
        </button>
        <h1 className="app-header__title" dir="auto">
          {document.title}
        </h1>
        <StatusCounts language={language} counts={counts} />
      </AppHeader>
      <ConnectionStatus state={connection} />
      <main className="side-by-side-main">
        {!canWrite && <p className="notice notice--read-only">{t('languageVersions.readOnly')}</p>}
        <div className="side-by-side__filters" role="radiogroup" aria-label={t('languageVersions.filterLabel')}>
          {FILTERS.map((value) => (
            <label key={value} className="side-by-side__filter">
              <input type="radio" name="translation-filter" value={value} checked={filter === value} onChange={() => setFilter(value)} />
              {t(`languageVersions.filter.${value}`)}
            </label>
          ))}
        </div>
        <div className="side-by-side__columns" aria-hidden="true">
          <span lang={document.sourceLanguage}>{t('languageVersions.sourceColumn', { language: document.sourceLanguage.toUpperCase() })}</span>
          <span lang={language}>{t('languageVersions.versionColumn', { language: language.toUpperCase() })}</span>
        </div>
        <ol className="side-by-side" aria-label={t('languageVersions.rowsLabel', { language: language.toUpperCase() })}>
          {shown.map((row, index) => (
            <TranslationRow
              key={row.id ?? `row-${index}`}
              row={row}
              version={version.ydoc}
              language={language}
              dir={dir}
              canWrite={canWrite}
              onConfirm={onConfirm}
              editorExtensions={TRANSLATION_EDITOR_EXTENSIONS}
              renderThreads={renderThreads}
            />
          ))}
        </ol>
        {shown.length === 0 && <p className="notice">{t('languageVersions.nothingToShow')}</p>}
      </main>
    </div>
  );
}
