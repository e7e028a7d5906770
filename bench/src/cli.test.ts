import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './cli.ts';

describe('parseArgs', () => {
  it('defaults to the four scenarios, three runs, ten soak minutes', () => {
    expect(parseArgs([])).toEqual({
      smoke: false,
      scenarios: null,
      runs: 3,
      soakMinutes: 10,
      help: false,
    });
  });

  it('reads every option, in both --flag value and --flag=value forms', () => {
    expect(parseArgs(['--smoke', '--scenario', 'cold-load', '--runs=5'])).toMatchObject({
      smoke: true,
      scenarios: ['cold-load'],
      runs: 5,
    });
    expect(parseArgs(['--', '--scenario=soak', '--minutes', '2'])).toMatchObject({
      scenarios: ['soak'],
      soakMinutes: 2,
    });
  });

  it('runs once by default at smoke size', () => {
    expect(parseArgs(['--smoke']).runs).toBe(1);
  });

  it.each([
    [['--scenario', 'everything'], /Unknown scenario "everything"/],
    [['--runs', '0'], /between 1 and 20/],
    [['--runs', 'three'], /whole number/],
    [['--runs'], /needs a value/],
    [['--minutes', '500'], /between 1 and 120/],
    [['--fast'], /Unknown argument "--fast"/],
    [['--smoke=yes'], /takes no value/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe('pnpm bench with bad arguments', () => {
  it('prints the usage and exits with 2', () => {
    const benchDir = fileURLToPath(new URL('..', import.meta.url));
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/run.ts', '--runs', 'x'], {
      cwd: benchDir,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--runs must be a whole number');
    expect(result.stderr).toContain('Usage: pnpm bench');
  });
});
