import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The band at the top of every signed-in page: the product name, then whatever the page puts there. */
export function AppHeader({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <span className="app-header__brand">{t('app.name')}</span>
      {children}
    </header>
  );
}
