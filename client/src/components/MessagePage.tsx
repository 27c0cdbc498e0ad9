import type { ReactNode } from 'react';

export interface MessagePageProps {
  title: string;
  children?: ReactNode;
  tone?: 'neutral' | 'problem';
}

/** A whole page that says one thing: a refused link, a missing document, a welcome. Never a blank screen. */
export function MessagePage({ title, children, tone = 'neutral' }: MessagePageProps) {
  return (
    <main className={`message-page message-page--${tone}`}>
      <div className="message-page__card" role={tone === 'problem' ? 'alert' : undefined}>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
