/**
 * Registers the service worker that keeps the app shell, so a reload without network still opens the page and the
 * document cached in IndexedDB. Only in production builds: in `vite dev` it would serve stale modules.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    // A missing service worker only costs offline reloads; everything else works without it.
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
