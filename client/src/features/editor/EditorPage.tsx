import { useTranslation } from 'react-i18next';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import { can } from '../../../../shared/domain/policy.ts';
import { DocumentAccessGate } from './DocumentAccessGate.tsx';
import { EditorWorkspace } from './EditorWorkspace.tsx';
import { SideBySideWorkspace } from './SideBySideWorkspace.tsx';

/**
 * `/documents/:id`: checks access, then opens the collaborative editor; `/documents/:id/languages/:language`: the
 * source beside that language version.
 */
export function EditorPage({ documentId, language }: { documentId: string; language?: LanguageCode }) {
  const { t } = useTranslation();
  return (
    <DocumentAccessGate documentId={documentId} loadingLabel={t('editor.loadingDocument')}>
      {(access, reload) => {
        if (language) return <SideBySideWorkspace key={`${documentId}:${language}:${String(access.document.frozen)}`} access={access} language={language} onAccessChanged={reload} />;
        const canEdit = can(access.document.role, 'document.edit', access.document);
        // A new editor when editing becomes allowed or forbidden: a read-only editor is built without id assignment.
        return <EditorWorkspace key={`${documentId}:${canEdit}`} access={access} onAccessChanged={reload} />;
      }}
    </DocumentAccessGate>
  );
}
