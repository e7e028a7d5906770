import { defineConfig } from 'vitest/config';

// Unit tests live beside the code (`*.test.ts`); server integration tests in `server/test/`.
// Browser tests are Playwright's (`e2e/`), not vitest's.
export default defineConfig({
  test: {
    include: ['{shared,server,client,bench}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two files at a time on the two-core CI machine (the default leaves one core idle); the
    // heavy tests bound their waits by work done, not by wall time, so they tolerate a neighbour.
    maxWorkers: 2,
  },
});
