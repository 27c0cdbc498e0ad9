import { useTranslation } from 'react-i18next';
import { DocumentAccessGate } from '../editor/index.ts';
import { ProjectorWorkspace } from './ProjectorWorkspace.tsx';

/** `/documents/:id/projector`: the room screen of a document, for any member (an observer invite is enough). */
export function ProjectorPage({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  return (
    <DocumentAccessGate documentId={documentId} loadingLabel={t('projector.loading')}>
      {(access, reload) => <ProjectorWorkspace key={documentId} access={access} onAccessChanged={reload} />}
    </DocumentAccessGate>
  );
}
