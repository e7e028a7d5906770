// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Imports point one way: client → shared ← server. This keeps each side honest. */
const forbidImports = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

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
      ...forbidImports(
        ['**/server/**', '@draftroom/server'],
        'The client never imports server code.',
      ),
    },
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
