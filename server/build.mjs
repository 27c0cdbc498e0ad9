// Bundles the server into one JavaScript file, dist/server/main.mjs, which `npm start` runs with plain `node`.
// Why: under `node --import tsx` every start pays the TypeScript loader (esbuild service, transform cache, a module
// record per source file) for the whole life of the process: ~145 MiB idle RSS against ~88 MiB for the bundle
// (docs/performance.md). The bundle is the same code; tests and the other commands still run the sources with tsx.
//
// Kept outside the bundle: better-sqlite3 and pg-native (native addons), piscina (starts workers from its own files), tsx (only
// the export worker loads it). Paths computed from `import.meta.url` (the SQL migrations, the export worker entry,
// the built client, font files) must keep pointing into the source tree, so each source file's `import.meta.url` is
// replaced by that file's own URL at build time.
import { build } from 'esbuild';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER_BUNDLE = path.join(ROOT, 'dist/server/main.mjs');

const sourceFileUrls = {
  name: 'source-file-urls',
  setup(builder) {
    builder.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await fs.readFile(args.path, 'utf8');
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js',
      };
    });
  },
};

// Modules loaded with `import()` (the editor code, server/src/infrastructure/editorKit/loadEditorKit.ts) go to chunks beside the
// bundle and are read only when first needed, so an idle server does not hold them.
const CHUNKS = path.join(path.dirname(SERVER_BUNDLE), 'chunks');

const { outputFiles } = await build({
  entryPoints: { main: path.join(ROOT, 'server/src/main.ts') },
  outdir: path.dirname(SERVER_BUNDLE),
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3', 'pg-native', 'piscina', 'tsx'],
  plugins: [sourceFileUrls],
  // CommonJS packages in an ES module bundle still call require() for Node's own modules.
  banner: { js: "import { createRequire as accordCreateRequire } from 'node:module'; const require = accordCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  // Node keeps the bundle's source in memory for as long as it runs (V8 compiles functions lazily from it), as one
  // byte per character only if every character is ASCII: no comments, no whitespace, and the few characters esbuild
  // leaves as they are (inside regular expressions) escaped below. This took idle RSS from 88 to ~80 MiB.
  minifyWhitespace: true,
  legalComments: 'none',
  write: false,
});

const escapeNonAscii = (code) => code.replace(/[^\0-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
await fs.rm(CHUNKS, { recursive: true, force: true });
await fs.mkdir(CHUNKS, { recursive: true });
for (const file of outputFiles) await fs.writeFile(file.path, escapeNonAscii(file.text));
