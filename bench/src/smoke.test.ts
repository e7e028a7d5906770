import { describe, expect, it } from 'vitest';
import { defaultScenarios, runScenario } from './suite/index.ts';

/**
 * The bench at smoke size, so it cannot rot: every default scenario runs against both servers
 * (real processes, real websockets) and every correctness check must hold. Performance targets
 * are not asserted: at this size, and beside other tests, they are noise.
 */
describe('bench smoke run', () => {
  it.each(defaultScenarios)(
    '%s: runs to the end and every correctness check holds',
    async (scenario) => {
      const report = await runScenario(scenario, {
        smoke: true,
        runs: 1,
        soakMinutes: 1,
        // Progress goes to the test's output, so a run that stalls in CI shows where.
        log: (message) => process.stdout.write(`[${scenario}] ${message}\n`),
      });
      const failed = report.checks
        .filter((check) => !check.ok)
        .map((check) => `${check.name}${check.detail ? `: ${check.detail}` : ''}`);
      expect(failed).toEqual([]);
      expect(report.checks.length).toBeGreaterThan(0);
      expect(report.rows.length).toBeGreaterThan(0);
      // Every figure the table shows for Draftroom was actually measured.
      for (const row of report.rows) expect(row.draftroom, row.metric).not.toBeNull();
    },
    120_000,
  );
});
