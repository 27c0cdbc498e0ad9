import { useTranslation } from 'react-i18next';
import { MessagePage } from '../components/MessagePage.tsx';
import { EditorPage } from '../features/editor/index.ts';
import { JoinPage } from '../features/join/index.ts';
import { OrganiserLogin } from '../features/organiser/index.ts';
import { isLanguage } from '../i18n/languages.ts';
import { usePathname } from '../lib/router.ts';
import { HomePage } from './HomePage.tsx';

const DOCUMENT_PATH = /^\/documents\/([^/]+)$/;
const SIDE_BY_SIDE_PATH = /^\/documents\/([^/]+)\/languages\/([^/]+)$/;

/** The client's routes. Link tokens travel in the fragment (#), which the browser never sends to the server. */
export function App() {
  const { t } = useTranslation();
  const pathname = usePathname();
  if (pathname === '/') return <HomePage />;
  if (pathname === '/organiser') return <OrganiserLogin />;
  if (pathname === '/join') return <JoinPage />;
  const documentMatch = DOCUMENT_PATH.exec(pathname);
  if (documentMatch) return <EditorPage documentId={decodeURIComponent(documentMatch[1]!)} />;
  const sideBySide = SIDE_BY_SIDE_PATH.exec(pathname);
  if (sideBySide && isLanguage(sideBySide[2])) {
    return <EditorPage documentId={decodeURIComponent(sideBySide[1]!)} language={sideBySide[2]} />;
  }
  return (
    <MessagePage title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <a className="button" href="/">
        {t('notFound.home')}
      </a>
    </MessagePage>
  );
}
