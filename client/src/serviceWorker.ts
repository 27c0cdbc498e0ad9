// The service worker keeps the app shell (index.html and every hashed chunk) so that a reload without network still
// opens Accord; the document itself comes from IndexedDB. The API and the collaboration socket are never cached.

interface LifecycleEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchRequestEvent extends LifecycleEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  readonly location: Location;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: LifecycleEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchRequestEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
/**
 * Every file the build put under /assets/ (each screen's chunk, each language's catalogue, the styles), written in
 * by the build (vite.config.ts): the editor loads some of them only when needed, and offline they must be here already.
 */
const ASSETS: string[] = ['__ACCORD_PRECACHE_ASSETS__'];
const CACHE = 'accord-shell-v1';
const SHELL = '/index.html';

/** Caches the page and every chunk of the build, so the first visit already works offline afterwards. */
async function cacheShell(): Promise<void> {
  const cache = await caches.open(CACHE);
  const response = await fetch('/', { cache: 'no-store' });
  if (!response.ok) return;
  await cache.put(SHELL, response);
  await cache.addAll(ASSETS);
}

/** Navigations: the network first (a new build must show at once), the cached shell when there is none. */
async function handleNavigation(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.headers.get('content-type')?.includes('text/html')) await cache.put(SHELL, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(SHELL);
    if (cached) return cached;
    throw error;
  }
}

/** Bundles have a content hash in their name, so a cached copy is always the right one. */
async function handleAsset(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

worker.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => worker.skipWaiting()));
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== worker.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(handleNavigation(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(handleAsset(request));
});
