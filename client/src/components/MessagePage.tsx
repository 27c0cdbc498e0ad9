import type { ReactNode } from 'react';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';

export interface MessagePageProps {
  title: string;
  children?: ReactNode;
  tone?: 'neutral' | 'problem';
}

/**
 * A whole page that says one thing: a refused link, a missing document, a welcome, the join form. Never a blank
 * screen. The language can be changed here too: the join page is the first a delegate sees.
 */
export function MessagePage({ title, children, tone = 'neutral' }: MessagePageProps) {
  return (
    <main className={`message-page message-page--${tone}`}>
      <div className="message-page__language">
        <LanguageSwitcher />
      </div>
      <div className="message-page__card" role={tone === 'problem' ? 'alert' : undefined}>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
