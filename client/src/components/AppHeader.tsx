import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';

/** The band at the top of every signed-in page: the product name, whatever the page puts there, and the language. */
export function AppHeader({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <span className="app-header__brand">{t('app.name')}</span>
      {children}
      <LanguageSwitcher />
    </header>
  );
}
