import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANISER_COLOR } from '../../../../shared/domain/delegationColors.ts';
import { LiveChannel } from '../../lib/liveChannel.ts';
import { AlternativesStore, useAlternativeNotes, useAlternatives } from '../alternatives/index.ts';
import { ConsensusStore, useConsensus, useConsensusBadges } from '../consensus/index.ts';
import { ProceduresStore, useProcedures } from '../procedures/index.ts';
import {
  type DocumentAccess,
  type PersonKey,
  announceScreen,
  editorExtensions,
  editorLabels,
  revealBlock,
  revealPosition,
  useFollowedPosition,
  usePresence,
  usePresenter,
  useRelabelOnLanguage,
  useRelabelOnNumbering,
  useRoom,
} from '../editor/index.ts';
import { CurrentRecommendation } from './currentRecommendation.ts';
import { ProjectorBar } from './ProjectorBar.tsx';
import { ProjectorSilence } from './ProjectorSilence.tsx';
import { useCurrentRecommendation } from './useCurrentRecommendation.ts';
import './projector.css';

export interface ProjectorWorkspaceProps {
  access: DocumentAccess;
  onAccessChanged: () => void;
}

/**
 * The room screen: the text in large type, read-only, following the presenter's caret live. The recommendation they
 * are in is highlighted and named in the band at the top with its status, brackets and open alternatives, and
 * scrolled to the top of the screen when they move to another one.
 */
export function ProjectorWorkspace({ access, onAccessChanged }: ProjectorWorkspaceProps) {
  const { t, i18n } = useTranslation();
  const { me, document } = access;
  const collaboration = useRoom(document.id, onAccessChanged);
  const { awareness } = collaboration.provider;
  const [channel] = useState(() => new LiveChannel(document.id));
  const [consensusStore] = useState(() => new ConsensusStore(channel));
  const [alternativesStore] = useState(() => new AlternativesStore(channel));
  const [proceduresStore] = useState(() => new ProceduresStore(channel));
  useEffect(() => channel.start(), [channel]);

  const [editorOptions] = useState(() => ({
    extensions: [
      ...editorExtensions({
        collaboration,
        user:
          me.kind === 'member'
            ? { name: me.name, delegation: me.delegation, color: me.color, role: document.role }
            : { name: me.name, delegation: '', color: ORGANISER_COLOR, role: document.role },
        // Never editable, whatever the role: the screen is for reading, and builds no ids of its own.
        canEdit: false,
        ...editorLabels(i18n),
      }),
      CurrentRecommendation,
    ],
    editable: false,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: { class: 'document', id: 'document-text', role: 'document', 'aria-label': t('projector.documentLabel'), dir: 'auto', lang: '' },
    },
  }));
  const editor = useEditor(editorOptions);
  useRelabelOnLanguage(editor, i18n.language);
  useRelabelOnNumbering(editor, collaboration.ydoc);
  useConsensusBadges(editor, useConsensus(consensusStore));
  const alternatives = useAlternatives(alternativesStore);
  const silence = useProcedures(proceduresStore)?.silence ?? null;
  useAlternativeNotes(editor, alternatives);

  const [picked, setPicked] = useState<PersonKey | null>(null);
  const participants = usePresence(awareness);
  const presenter = usePresenter(awareness, picked);
  const presenterName = presenter?.name;
  const presenterDelegation = presenter?.delegation;
  useEffect(() => {
    announceScreen(awareness, presenterName === undefined || presenterDelegation === undefined ? null : { name: presenterName, delegation: presenterDelegation });
  }, [awareness, presenterName, presenterDelegation]);
  const position = useFollowedPosition(editor, awareness, presenter?.clientId ?? null);
  const current = useCurrentRecommendation(editor, position);

  // A new recommendation comes to the top of the screen; within one, the caret is kept in view.
  const shownId = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (position === null || editor.isDestroyed) return;
    const element = current ? editor.view.nodeDOM(current.pos) : null;
    if (current && current.id !== shownId.current && element instanceof HTMLElement) revealBlock(editor.view, element);
    else revealPosition(editor.view, position, 0.1);
    shownId.current = current?.id;
  }, [editor, position, current]);

  return (
    <div className="projector">
      <ProjectorBar
        title={document.title}
        presenter={presenter}
        current={current}
        alternatives={current?.id ? alternatives.get(current.id) : undefined}
        participants={participants}
        picked={picked}
        onPick={setPicked}
      >
        <ProjectorSilence silence={silence} />
      </ProjectorBar>
      <main className="projector__text">
        <EditorContent editor={editor} />
      </main>
    </div>
  );
}
