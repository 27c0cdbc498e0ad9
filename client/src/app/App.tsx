import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingPage } from '../components/LoadingPage.tsx';
import { MessagePage } from '../components/MessagePage.tsx';
import { isLanguage } from '../i18n/languages.ts';
import { usePathname } from '../lib/router.ts';

const DOCUMENT_PATH = /^\/documents\/([^/]+)$/;
const SIDE_BY_SIDE_PATH = /^\/documents\/([^/]+)\/languages\/([^/]+)$/;
const PROJECTOR_PATH = /^\/documents\/([^/]+)\/projector$/;

// Each screen is its own chunk: a delegate opening an invite link downloads the join page and the editor, never the
// organiser's screens. The service worker keeps every chunk for offline reloads.
const loadEditorPage = () => import('../features/editor/index.ts');
const EditorPage = lazy(() => loadEditorPage().then((module) => ({ default: module.EditorPage })));
const ProjectorPage = lazy(() => import('../features/projector/index.ts').then((module) => ({ default: module.ProjectorPage })));
const JoinPage = lazy(() => import('../features/join/index.ts').then((module) => ({ default: module.JoinPage })));
const HomePage = lazy(() => import('./HomePage.tsx').then((module) => ({ default: module.HomePage })));
const OrganiserLogin = lazy(() => import('../features/organiser/index.ts').then((module) => ({ default: module.OrganiserLogin })));

/** The client's routes. Link tokens travel in the fragment (#), which the browser never sends to the server. */
export function App() {
  const { t } = useTranslation();
  const pathname = usePathname();
  // While the person types their name, the editor is already on its way.
  useEffect(() => {
    if (pathname === '/join') void loadEditorPage();
  }, [pathname]);
  return <Suspense fallback={<LoadingPage label={t('app.loading')} />}>{route(pathname)}</Suspense>;
}

function route(pathname: string) {
  if (pathname === '/') return <HomePage />;
  if (pathname === '/organiser') return <OrganiserLogin />;
  if (pathname === '/join') return <JoinPage />;
  const documentMatch = DOCUMENT_PATH.exec(pathname);
  if (documentMatch) return <EditorPage documentId={decodeURIComponent(documentMatch[1]!)} />;
  const projector = PROJECTOR_PATH.exec(pathname);
  if (projector) return <ProjectorPage documentId={decodeURIComponent(projector[1]!)} />;
  const sideBySide = SIDE_BY_SIDE_PATH.exec(pathname);
  if (sideBySide && isLanguage(sideBySide[2])) {
    return <EditorPage documentId={decodeURIComponent(sideBySide[1]!)} language={sideBySide[2]} />;
  }
  return <NotFound />;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <MessagePage title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <a className="button" href="/">
        {t('notFound.home')}
      </a>
    </MessagePage>
  );
}
