import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, started first. On a fresh clone (CI) vitest has no timings and
 * starts the largest files first, so the bench smoke test (every bench scenario, about three
 * minutes) started last and ran alone on one worker for its whole length while the other had
 * nothing left: 456 s for a suite whose files add up to 550 s on two workers.
 */
const slowestFiles = [
  'bench/src/smoke.test.ts',
  'server/test/durability.test.ts',
  'server/src/services/exports/pdf/pdfBrowser.test.ts',
  'server/test/fuzz.test.ts',
  'server/src/services/exports/render/renderPool.test.ts',
  'server/test/fuzzSeeds.test.ts',
];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification): number => {
      const index = slowestFiles.findIndex((path) => file.moduleId.endsWith(path));
      return index === -1 ? slowestFiles.length : index;
    };
    // Array sort is stable: the rest keep vitest's own order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

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
    sequence: { sequencer: SlowestFirst },
  },
});
