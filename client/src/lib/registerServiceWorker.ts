/**
 * Registers the service worker that keeps the app shell and every chunk, so a reload without network still opens the
 * page and the document cached in IndexedDB. Only in production builds: in `vite dev` it would serve stale modules.
 * The editor calls this once its document is open, and the other pages once they have loaded: installing downloads
 * every chunk, which must not compete with a delegate's first load over venue Wi-Fi.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    // A missing service worker only costs offline reloads; everything else works without it.
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
