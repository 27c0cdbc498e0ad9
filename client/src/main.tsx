import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { registerServiceWorker } from './lib/registerServiceWorker.ts';
import { initI18n } from './i18n/i18n.ts';
import './app/styles.css';

// Joining and the editor register it themselves once the document is open (EditorWorkspace).
if (!/^\/(join|documents\/)/.test(window.location.pathname)) registerServiceWorker();

void initI18n().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
