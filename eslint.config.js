import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import path from 'node:path';

// The server's modules that use the editor code: loaded through loadEditorKit() or by the export worker only.
const SERVER_EDITOR_MODULES = [
  'server/src/services/editorKit.ts',
  'server/src/services/documentState.ts',
  'server/src/services/versions/compareDocuments.ts',
  'server/src/services/languages/alignedVersion.ts',
  ...['documentBlocks', 'exportModel', 'footnotes', 'renderDocx', 'renderExport', 'renderHtml', 'renderMarkdown', 'renderPdf', 'safeHref', 'statusRows'].map(
    (worker) => `server/src/services/export/${worker}.ts`,
  ),
];

// The fences between layers: shared/ stands alone; client and server never import each other.
const fence = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

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
      ...fence(['**/server/**', 'node:*'], 'The client talks to the server over HTTP and websockets only.'),
      // Venue networks serve plain http://, not a secure context: these APIs are missing there (issue 9).
      'no-restricted-properties': [
        'error',
        { object: 'crypto', property: 'randomUUID', message: 'Missing on plain http://: use randomId() from client/src/lib/randomId.ts.' },
        { object: 'navigator', property: 'clipboard', message: 'Missing on plain http://: use copyText() from client/src/lib/copyText.ts.' },
        { object: 'crypto', property: 'subtle', message: 'Missing on plain http:// (not a secure context).' },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: fence(['**/client/**'], 'The server never imports client code.'),
  },
  {
    // The editor code (Tiptap, ProseMirror, y-tiptap) is loaded on first use through loadEditorKit(), and by the
    // export worker: a server that only relays never holds it (docs/performance.md).
    files: ['server/src/**/*.ts'],
    ignores: ['**/*.test.ts', ...SERVER_EDITOR_MODULES],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/client/**'], message: 'The server never imports client code.' },
            {
              group: [
                '@tiptap/*',
                'prosemirror-*',
                '@handlewithcare/*',
                '**/shared/editor/*',
                '!**/shared/editor/suggestionKinds.ts',
                '!**/shared/editor/threadAnchorEncoding.ts',
                ...SERVER_EDITOR_MODULES.map((file) => path.basename(file)),
              ],
              allowTypeImports: true,
              message: 'Load the editor code with loadEditorKit() (services/loadEditorKit.ts): an idle server must not hold it.',
            },
          ],
        },
      ],
    },
  },
);
