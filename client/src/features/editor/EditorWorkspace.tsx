import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANISER_COLOR } from '../../../../shared/domain/delegationColors.ts';
import { boundByDeadline } from '../../../../shared/domain/deadline.ts';
import { can } from '../../../../shared/domain/policy.ts';
import { AppHeader } from '../../components/AppHeader.tsx';
import { LiveChannel } from '../../lib/liveChannel.ts';
import { registerServiceWorker } from '../../lib/registerServiceWorker.ts';
import { navigate } from '../../lib/router.ts';
import { AlternativesPanel, AlternativesStore, useAlternatives, withOpenAlternatives } from '../alternatives/index.ts';
import { AuthorshipToggle } from '../authorship/index.ts';
import { CommentsSidebar, ThreadStore } from '../comments/index.ts';
import { CompilationNotesStore, CompilationPanel } from '../compilation/index.ts';
import { ConsensusStore, StatusBoard } from '../consensus/index.ts';
import { ExportMenu } from '../export/index.ts';
import { FreezeControl, HistoryPanel, NumberingControl } from '../history/index.ts';
import { LanguageStore, LanguagesMenu, useLanguageList } from '../languages/index.ts';
import { ProceduresBar, ProceduresStore, useBeforeDeadline, useProcedures } from '../procedures/index.ts';
import { SuggestControls, SuggestionsPanel } from '../suggestions/index.ts';
import { showCaretsPreference } from './caretPreference.ts';
import { ConnectionStatus, useConnectionState } from './ConnectionStatus.tsx';
import type { DocumentAccess } from './documentAccess.ts';
import { editorExtensions } from './editorExtensions.ts';
import { editorLabels, useRelabelOnLanguage, useRelabelOnNumbering } from './editorLabels.ts';
import { FollowIndicator } from './follow/FollowIndicator.tsx';
import { useFollow } from './follow/useFollow.ts';
import { usePublishViewing } from './follow/usePublishViewing.ts';
import { WIDE_QUERY } from './layoutWidths.ts';
import { LiveAnnouncer } from './LiveAnnouncer.tsx';
import { ParticipantsSidebar } from './ParticipantsSidebar.tsx';
import { PanelRail } from './PanelRail.tsx';
import { SidePanel } from './SidePanel.tsx';
import { Toolbar } from './Toolbar.tsx';
import { useCaretLabelFading } from './useCaretLabelFading.ts';
import { useSidePanels } from './useSidePanels.ts';
import { useRoom } from './useRoom.ts';
import './editor.css';
import './panels.css';

/** The drafting screen: header with identity and connection, toolbar, the document column and the participants. */
export interface EditorWorkspaceProps {
  access: DocumentAccess;
  /** Called when the server says the document was frozen or unfrozen, to fetch what this person may now do. */
  onAccessChanged: () => void;
}

/**
 * The contenteditable's attributes. It announces itself as a multi-line text field named in the reader's language;
 * `dir="auto"` keeps the mirrored (Arabic) chrome from forcing the text right-to-left: every block sets its own `dir`.
 * `lang=""` (unknown) keeps the interface language off the negotiated text, which mixes languages: a screen reader
 * set to Arabic should not read an English paragraph with Arabic rules because the menus are in Arabic.
 */
function documentAttributes(label: string, editable: boolean): Record<string, string> {
  return {
    class: 'document',
    id: 'document-text',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': label,
    'aria-readonly': String(!editable),
    dir: 'auto',
    lang: '',
    spellcheck: 'true',
  };
}

export function EditorWorkspace({ access, onAccessChanged }: EditorWorkspaceProps) {
  const { t, i18n } = useTranslation();
  const { me, document } = access;
  const role = document.role;
  const canEdit = can(role, 'document.edit', document);
  const collaboration = useRoom(document.id, onAccessChanged);
  // One live channel per open document; the stores follow it from the start, whether or not their panel is shown.
  const [channel] = useState(() => new LiveChannel(document.id));
  const [threadStore] = useState(() => new ThreadStore(channel));
  const [consensusStore] = useState(() => new ConsensusStore(channel));
  const [alternativesStore] = useState(() => new AlternativesStore(channel));
  const alternatives = useAlternatives(alternativesStore);
  const [compilationNotesStore] = useState(() => new CompilationNotesStore(channel));
  const [procedureStore] = useState(() => new ProceduresStore(channel));
  const [languageStore] = useState(() => new LanguageStore(channel));
  const languages = useLanguageList(languageStore);
  useEffect(() => channel.start(), [channel]);
  const connection = useConnectionState(collaboration);
  // Synced, or shown from this device's copy: the precache of every chunk starts only then, not during the first load.
  const documentShown = connection.everSynced || access.fromCache;
  useEffect(() => {
    if (documentShown) registerServiceWorker();
  }, [documentShown]);

  const user =
    me.kind === 'member'
      ? { name: me.name, delegation: me.delegation, color: me.color, role }
      : { name: me.name, delegation: '', color: ORGANISER_COLOR, role };
  // Built once: a new options object on every render would make Tiptap reconfigure the editor each time.
  const [editorOptions] = useState(() => ({
    extensions: editorExtensions({
      collaboration,
      user,
      canEdit,
      ...editorLabels(i18n),
    }),
    editable: canEdit,
    shouldRerenderOnTransaction: false,
    editorProps: { attributes: documentAttributes(t('editor.documentLabel'), canEdit) },
  }));
  const editor = useEditor(editorOptions);
  const procedures = useProcedures(procedureStore);
  const beforeDeadline = useBeforeDeadline(procedures?.deadline?.at ?? null);
  const canPropose = beforeDeadline || !boundByDeadline(role, 'suggestion.propose');
  const canOpenThreads = beforeDeadline || !boundByDeadline(role, 'thread.open');
  // The server drops a delegate's changes to the text from the deadline on (docs/api.md): the text turns read-only then.
  const textOpen = beforeDeadline || !boundByDeadline(role, 'text.edit');
  const editable = canEdit && textOpen && connection.status !== 'closed';
  useEffect(() => {
    editor.setEditable(editable);
  }, [editor, editable]);
  const documentLabel = t('editor.documentLabel');
  useEffect(() => {
    editor.setOptions({ editorProps: { attributes: documentAttributes(documentLabel, editable) } });
  }, [editor, documentLabel, editable]);
  useRelabelOnLanguage(editor, i18n.language);
  useRelabelOnNumbering(editor, collaboration.ydoc);
  const [showCarets, setShowCarets] = useState(showCaretsPreference.read);
  const { panel, togglePanel, closePanel } = useSidePanels();
  useCaretLabelFading(editor, collaboration.provider.awareness);
  const following = useFollow(editor, collaboration.provider.awareness);
  usePublishViewing(editor, collaboration.provider.awareness);

  const readOnlyNotice = !can(role, 'document.edit')
    ? role === 'translator'
      ? t('editor.readOnlyTranslator')
      : t('editor.readOnlyObserver')
    : document.frozen
      ? t('editor.readOnlyFrozen')
      : connection.status === 'closed'
        ? t('editor.readOnlyClosed')
        : !textOpen
          ? t('editor.readOnlyDeadline')
          : undefined;
  const identity =
    me.kind === 'member'
      ? t('editor.identity', { name: me.name, delegation: me.delegation, role: t(`roles.${role}`) })
      : t(`roles.${role}`); // the organiser has no personal name or delegation

  return (
    <div className={showCarets ? 'page editor-page' : 'page editor-page editor-page--no-carets'}>
      <button type="button" className="button skip-link" onClick={() => editor.commands.focus()}>
        {t('app.skipToDocument')}
      </button>
      <AppHeader>
        {me.kind === 'organiser' && (
          <button type="button" className="button button--quiet" onClick={() => navigate('/')}>
            {t('editor.back')}
          </button>
        )}
        <h1 className="app-header__title" dir="auto">
          {document.title}
        </h1>
        <span className="app-header__who" title={identity}>
          <span className="swatch" style={{ backgroundColor: user.color }} aria-hidden="true" />
          {/* The line in the interface's direction, each name isolated in its own: "Youssef Amrani" stays whole and first in
              the Arabic header, and a long line is shortened at its end. */}
          <span className="app-header__identity">
            {me.kind === 'member' ? (
              <>
                <bdi className="app-header__name">{me.name}</bdi>
                <span className="app-header__role">
                  {' · '}
                  <bdi>{me.delegation}</bdi> · {t(`roles.${role}`)}
                </span>
              </>
            ) : (
              identity
            )}
          </span>
        </span>
        <FreezeControl document={document} onAccessChanged={onAccessChanged} />
        <NumberingControl document={document} ydoc={collaboration.ydoc} />
        <HistoryPanel document={document} languages={languages ? [languages.source, ...languages.versions.map((version) => version.language)] : []} />
        <LanguagesMenu documentId={document.id} canManage={can(role, 'document.manage')} store={languageStore} />
        <ExportMenu documentId={document.id} languages={languages} />
      </AppHeader>
      <ConnectionStatus state={connection} onDiscardDeviceCopy={() => void collaboration.discardDeviceCopy()} />
      <ProceduresBar document={document} store={procedureStore} procedures={procedures} />
      <div className="editor-layout" data-panel-open={panel ?? undefined}>
        {/* The side panels are complementary landmarks beside it, not inside it. */}
        <main className="editor-main">
          <LiveAnnouncer awareness={collaboration.provider.awareness} connection={connection} />
          {editable ? <Toolbar editor={editor} /> : readOnlyNotice && <p className="notice notice--read-only">{readOnlyNotice}</p>}
          {editable && (
            <SuggestControls
              editor={editor}
              canSuggest={can(role, 'suggestion.propose', document) && canPropose}
              canBracket={can(role, 'bracket.add', document)}
              delegation={user.delegation}
            />
          )}
          <AuthorshipToggle editor={editor} documentId={document.id} />
          {following.followed && <FollowIndicator person={following.followed} onStop={following.stop} />}
          <div className="document-column">
            <EditorContent editor={editor} />
          </div>
        </main>
        <div className="side-panels">
          <SidePanel name="comments" open={panel === 'comments'} onClose={closePanel}>
            <CommentsSidebar editor={editor} me={me} document={document} canOpenThreads={canOpenThreads} store={threadStore} channel={channel} />
          </SidePanel>
          <SidePanel name="proposals" open={panel === 'proposals'} onClose={closePanel}>
            <SuggestionsPanel editor={editor} document={document} delegation={user.delegation} />
          </SidePanel>
          <SidePanel name="alternatives" open={panel === 'alternatives'} onClose={closePanel}>
            <AlternativesPanel editor={editor} me={me} document={document} store={alternativesStore} canPropose={canPropose} />
          </SidePanel>
          <SidePanel name="compilation" open={panel === 'compilation'} onClose={closePanel}>
            <CompilationPanel
              editor={editor}
              me={me}
              document={document}
              active={panel === 'compilation'}
              alternatives={alternativesStore}
              consensus={consensusStore}
              notes={compilationNotesStore}
              canPropose={canPropose}
              onReveal={() => {
                // Where the panel covers the text, it gets out of the way of what was picked.
                if (!window.matchMedia(WIDE_QUERY).matches) closePanel();
              }}
            />
          </SidePanel>
          <SidePanel name="status" open={panel === 'status'} onClose={closePanel}>
            <StatusBoard editor={editor} me={me} document={document} store={consensusStore} withOpenAlternatives={withOpenAlternatives(alternatives)} />
          </SidePanel>
          <SidePanel name="participants" open={panel === 'participants'} onClose={closePanel}>
            <ParticipantsSidebar
              documentId={document.id}
              awareness={collaboration.provider.awareness}
              followed={following.followed?.clientId}
              onFollow={(clientId) => {
                following.follow(clientId);
                // Where the panel covers the text, it gets out of the way of what is being followed.
                if (!window.matchMedia(WIDE_QUERY).matches) closePanel();
              }}
              onStopFollowing={following.stop}
              canChoosePresenter={can(role, 'presenter.choose')}
              showCarets={showCarets}
              onShowCarets={(show) => {
                showCaretsPreference.write(show);
                setShowCarets(show);
              }}
            />
          </SidePanel>
        </div>
        <PanelRail open={panel} onToggle={togglePanel} />
      </div>
    </div>
  );
}
