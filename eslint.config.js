import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import path from 'node:path';

// The server's modules that use the editor code: loaded through loadEditorKit() or by the export worker only.
const SERVER_EDITOR_MODULES = [
  'server/src/infrastructure/editorKit/editorKit.ts',
  'server/src/infrastructure/editorKit/editorSchema.ts',
  'server/src/services/versions/compareDocuments.ts',
  'server/src/services/languages/alignedVersion.ts',
  ...['documentBlocks', 'docxReview', 'exportModel', 'footnotes', 'passageLanguage', 'renderAkn', 'renderDocx', 'renderExport', 'renderHtml', 'renderMarkdown', 'renderPdf', 'safeHref', 'versionDocument', 'statusRows', 'compilationDocument', 'renderCompilationDocx', 'renderCompilationHtml', 'renderCompilationPdf'].map(
    (worker) => `server/src/services/export/${worker}.ts`,
  ),
];

// The fences between layers: shared/ stands alone; client and server never import each other.
const fence = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

const NO_CLIENT = { group: ['**/client/**'], message: 'The server never imports client code.' };
const EDITOR_CODE = {
  group: [
    '@tiptap/*',
    'prosemirror-*',
    '@handlewithcare/*',
    '**/shared/editor/*',
    '!**/shared/editor/suggestionKinds.ts',
    '!**/shared/editor/threadAnchorEncoding.ts',
    '!**/shared/editor/stableNumbering.ts',
    ...SERVER_EDITOR_MODULES.map((file) => path.basename(file)),
  ],
  allowTypeImports: true,
  message: 'Load the editor code with loadEditorKit() (infrastructure/editorKit/loadEditorKit.ts): an idle server must not hold it.',
};
// A domain under server/src/services/ is used through its index.ts, from other domains and from everywhere else.
const DOMAIN_INTERNALS = {
  regex: '(^|/)services/[^/]+/(?!index\\.ts$)[^/]+$',
  message: "Use the domain through its index.ts (services/<domain>/index.ts), not its files.",
};
const OTHER_DOMAIN_INTERNALS = {
  regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index\\.ts$)[^/]+$',
  message: 'One domain reaches another only through its index.ts (../<domain>/index.ts).',
};
const layer = (from, message) => ({ group: from.map((folder) => `**/${folder}/**`), message });

// Which server folders may import what: http → services → storage, http → collab; collab reaches storage only
// through the ports a service or repository implements; infrastructure serves the services; cluster carries messages
// between processes and knows none of them.
const SERVER_LAYERS = {
  'server/src/http/**': [layer(['storage'], 'http reaches storage only through services (http → services → storage).'), DOMAIN_INTERNALS],
  'server/src/services/**': [
    layer(['http', 'commands'], 'Services know nothing of HTTP or the commands (http → services → storage).'),
    OTHER_DOMAIN_INTERNALS,
  ],
  'server/src/storage/**': [layer(['http', 'services', 'collab', 'infrastructure', 'commands'], 'storage is the bottom layer: it imports no other server layer.')],
  'server/src/collab/**': [layer(['http', 'services', 'storage', 'infrastructure', 'commands'], 'collab knows Yjs, not SQL or services: it talks to them through its ports.')],
  'server/src/cluster/**': [
    layer(['http', 'services', 'storage', 'collab', 'infrastructure', 'commands'], 'cluster is the transport between processes: it imports no other server layer.'),
  ],
  'server/src/infrastructure/**': [layer(['http', 'commands'], 'Infrastructure serves the services; it knows nothing of HTTP.'), DOMAIN_INTERNALS],
  'server/src/*.ts': [DOMAIN_INTERNALS],
  'server/src/commands/**': [DOMAIN_INTERNALS],
  'server/src/network/**': [],
};

const CLIENT_NOT_SERVER = { group: ['**/server/**', 'node:*'], message: 'The client talks to the server over HTTP and websockets only.' };
// A client feature is used through its index.ts, by other features and by the app shell.
const CLIENT_FEATURE_FENCES = [
  {
    files: ['client/src/features/**/*.{ts,tsx}'],
    patterns: [{ regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index\\.ts$)[^/]+$', message: 'Features import each other only through their index.ts (../<feature>/index.ts).' }],
  },
  {
    files: ['client/src/{app,components,lib,i18n}/**/*.{ts,tsx}', 'client/src/*.{ts,tsx}'],
    patterns: [{ regex: '(^|/)features/[^/]+/(?!index\\.ts$)[^/]+$', message: 'Use a feature through its index.ts (features/<feature>/index.ts).' }],
  },
];

export default defineConfig(
  { ignores: ['**/dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: fence(['**/client/**', '**/server/**', 'node:*', 'express', 'better-sqlite3', 'react', 'react-dom'], 'shared/ is platform-neutral and imports nothing from client/ or server/.'),
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [CLIENT_NOT_SERVER] }],
      // Venue networks serve plain http://, not a secure context: these APIs are missing there (issue 9).
      'no-restricted-properties': [
        'error',
        { object: 'crypto', property: 'randomUUID', message: 'Missing on plain http://: use randomId() from client/src/lib/randomId.ts.' },
        { object: 'navigator', property: 'clipboard', message: 'Missing on plain http://: use copyText() from client/src/lib/copyText.ts.' },
        { object: 'crypto', property: 'subtle', message: 'Missing on plain http:// (not a secure context).' },
      ],
    },
  },
  ...CLIENT_FEATURE_FENCES.map(({ files, patterns }) => ({
    files,
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [CLIENT_NOT_SERVER, ...patterns] }] },
  })),
  {
    files: ['server/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_CLIENT] }] },
  },
  // The editor code (Tiptap, ProseMirror, y-tiptap) is loaded on first use through loadEditorKit(), and by the
  // export worker: a server that only relays never holds it (docs/performance.md). Tests may import anything.
  ...Object.entries(SERVER_LAYERS).map(([files, patterns]) => ({
    files: [files],
    ignores: ['**/*.test.ts', ...SERVER_EDITOR_MODULES],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_CLIENT, EDITOR_CODE, ...patterns] }] },
  })),
  {
    files: SERVER_EDITOR_MODULES,
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_CLIENT, OTHER_DOMAIN_INTERNALS] }] },
  },
);
