/** Registers anyway after this long, however busy the page stays. */
const IDLE_TIMEOUT_MS = 5_000;

/**
 * Registers the service worker that keeps the app shell and every chunk, so a reload without network still opens the
 * page and the document cached in IndexedDB. Only in production builds: in `vite dev` it would serve stale modules.
 * The editor calls this once its document has synced (or shows this device's copy), the other pages once they have
 * loaded; either way when the browser is next idle: installing downloads every chunk, which must not compete with a
 * delegate's first load over venue Wi-Fi.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    // A missing service worker only costs offline reloads; everything else works without it.
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  };
  const whenIdle = () => requestIdleCallback(register, { timeout: IDLE_TIMEOUT_MS });
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
