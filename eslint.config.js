// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports flow one way: web → contracts; server → domain, contracts; domain → nothing. */
const forbid = (/** @type {Array<string | string[]>} */ groups, /** @type {string} */ message) => ({
  'no-restricted-imports': ['error', { patterns: groups.map((group) => ({ group: Array.isArray(group) ? group : [group], message })) }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'test-results/', 'playwright-report/', 'src/server/db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Tests read rows they have just written; asserting them non-null is the point, not a risk.
    files: ['test/**', 'e2e/**', 'bench/**', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['src/domain/**'],
    rules: forbid(
      ['**/server/**', '**/web/**', '**/contracts/**', '**/db/**', 'node:*', 'fastify*', 'drizzle-orm*', 'pg', '@electric-sql/*'],
      'src/domain is pure: it imports nothing from server, web, db or I/O libraries.',
    ),
  },
  {
    files: ['src/contracts/**'],
    rules: forbid(['**/server/**', '**/web/**', '**/db/**', 'node:*'], 'src/contracts holds shared schemas only.'),
  },
  {
    // The demo storefront is an outside app: Jumun's HTTP API is its only way in.
    files: ['examples/**'],
    rules: forbid(['**/src/**', 'fastify*', 'drizzle-orm*', 'pg', '@electric-sql/*'], 'examples/ talks to Jumun only through its public HTTP API.'),
  },
  {
    // exceptions, all pure text: Korean particles (over es-hangul), so both apps pick 을/를 as the server does;
    // the buyer-message moments and rendering, so the settings screen names moments, checks variables
    // and counts SMS bytes exactly as the server does
    files: ['src/web/**'],
    rules: forbid(['**/server/**', ['**/domain/**', '!**/domain/korean-particles', '!**/domain/buyer-message-moments', '!**/domain/buyer-message-render'], '**/db/**', 'fastify*', 'drizzle-orm*', 'pg'], 'src/web talks to the server only through src/contracts and HTTP.'),
  },
);
