import { defineConfig } from '@playwright/test';

/**
 * Browser tests drive Debian's Chromium (Playwright cannot download browsers here). Each test
 * file starts its own server process (fixtures/server.ts) so tests can kill and restart it.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './tests',
  outputDir: './artifacts/test-results',
  // Two files at a time (each with its own server process and browser) on the two-core CI
  // machine: the suite had grown past ten minutes on one. Tests within a file stay in order.
  // The per-test bound is generous because a neighbouring file slows every step.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['html', { outputFolder: './artifacts/report', open: 'never' }]],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
