// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Imports point one way: client → shared ← server. This keeps each side honest. */
const clientNeverImportsServer = {
  group: ['**/server/**', '@draftroom/server'],
  message: 'The client never imports server code.',
};
const forbidImports = (patterns, message, ...more) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }, ...more] }],
});

/**
 * Inside the client, imports point one way too: a feature (a screen or a set of screens) may use
 * the general parts, never the reverse, so a feature can change or go without breaking the rest.
 * Only `main.tsx` and `router.tsx`, at the root, put the features together.
 */
const clientFeatureFolders = [
  'organiser',
  'join',
  'home',
  'programme',
  'sessions',
  'devices',
  'pages',
  'history',
  'review',
  'search',
  'compare',
  'comments',
  'dotVotes',
  'dashboard',
  'interaction',
  'registration',
];
const clientGeneralFolders = [
  'app',
  'editor',
  'collab',
  'api',
  'ui',
  'i18n',
  'format',
  'me',
  'identity',
  'countries',
  'sessionLive',
];
const generalNeverImportsFeatures = {
  // A relative path that climbs out of the folder and into a feature: `../organiser/api.ts`.
  regex: `^(\\.\\./)+(${clientFeatureFolders.join('|')})(/|$)`,
  message: `The client's general folders (${clientGeneralFolders.join(', ')}) never import a feature folder (${clientFeatureFolders.join(', ')}): move what both need into a general folder.`,
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'e2e/artifacts/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbidImports(clientNeverImportsServer.group, clientNeverImportsServer.message),
    },
  },
  {
    files: [`client/src/{${clientGeneralFolders.join(',')}}/**/*.{ts,tsx}`],
    rules: forbidImports(
      clientNeverImportsServer.group,
      clientNeverImportsServer.message,
      generalNeverImportsFeatures,
    ),
  },
  {
    files: ['server/**/*.ts'],
    rules: forbidImports(
      ['**/client/**', '@draftroom/client'],
      'The server never imports client code.',
    ),
  },
  {
    files: ['shared/**/*.ts'],
    rules: forbidImports(
      ['**/client/**', '**/server/**', '@draftroom/client', '@draftroom/server', 'node:*'],
      'shared is used by both sides: no client, server or Node-only imports.',
    ),
  },
);
