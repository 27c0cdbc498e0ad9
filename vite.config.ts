import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

/** The minifier may quote it with ", ' or `. */
const PRECACHE_PLACEHOLDER = /(["'`])__ACCORD_PRECACHE_ASSETS__\1/;

/**
 * Writes the list of every built asset into sw.js in place of its placeholder, so the service worker precaches each
 * chunk the editor may load later (screens, history, language catalogues) and an offline reload finds them all.
 */
function precacheAssets(): Plugin {
  return {
    name: 'accord-precache-assets',
    apply: 'build',
    generateBundle(_options, bundle) {
      const worker = bundle['sw.js'];
      if (worker?.type !== 'chunk' || !PRECACHE_PLACEHOLDER.test(worker.code)) throw new Error('sw.js lost its precache placeholder');
      const assets = Object.keys(bundle)
        .filter((name) => name.startsWith('assets/') && !name.endsWith('.map'))
        .map((name) => JSON.stringify(`/${name}`));
      worker.code = worker.code.replace(PRECACHE_PLACEHOLDER, assets.join(','));
    },
  };
}

// The client is built into dist/client and served by the Accord server itself;
// in `npm run dev` Vite proxies the API and the collaboration socket to a running server.
export default defineConfig({
  root: 'client',
  // Brotli and gzip copies of every text asset, made once at build time: the server sends them as they are (venue
  // Wi-Fi is slow; compressing on each request would cost the server's CPU instead).
  plugins: [react(), precacheAssets(), compression({ algorithms: ['brotliCompress', 'gzip'], logLevel: 'silent' })],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      // The service worker is its own entry, served at /sw.js (a worker controls only the paths below its own).
      input: { index: 'client/index.html', sw: 'client/src/serviceWorker.ts' },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/collab': { target: 'ws://127.0.0.1:8080', ws: true },
    },
  },
});
