import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverDir } from '../lib/processes.ts';
import type { ScenarioReport } from './report.ts';

export const resultsDir = fileURLToPath(new URL('../../results', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** What the figures were measured on, and which code: the server may be mid-change. */
export function machineInfo() {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  };
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    commit: git('rev-parse', '--short', 'HEAD'),
    /** Uncommitted changes under server/ or shared/ at the time of the run. */
    serverChangesUncommitted: (git('status', '--porcelain', '--', 'server', 'shared') ?? '') !== '',
    /** Set when BENCH_SERVER_DIR points at another checkout (its COMMIT file, if any). */
    serverDir: process.env.BENCH_SERVER_DIR ? serverDir : null,
    serverDirCommit: process.env.BENCH_SERVER_DIR ? readCommit(serverDir) : null,
    loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

function readCommit(dir: string): string | null {
  try {
    return readFileSync(join(dir, '..', 'COMMIT'), 'utf8').trim();
  } catch {
    return null;
  }
}

function writeJson(path: string, value: unknown): void {
  // Written beside and renamed, so a reader never sees half a file (`*.tmp` is gitignored).
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(temporary, path);
}

/**
 * Writes `<scenario>-<timestamp>.json` per scenario and, for full-size runs, merges them into
 * `latest.json` (one entry per scenario, so running one scenario keeps the others' figures).
 * Returns the paths written.
 */
export function writeResults(
  reports: ScenarioReport[],
  machine: ReturnType<typeof machineInfo>,
): string[] {
  mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const written: string[] = [];
  for (const report of reports) {
    const name = `${report.scenario}${report.smoke ? '-smoke' : ''}-${stamp}.json`;
    const path = join(resultsDir, name);
    writeJson(path, { machine, ...report });
    written.push(path);
  }
  const full = reports.filter((report) => !report.smoke);
  if (full.length > 0) {
    const latestPath = join(resultsDir, 'latest.json');
    let latest: { scenarios: Record<string, unknown> } = { scenarios: {} };
    if (existsSync(latestPath)) {
      try {
        latest = JSON.parse(readFileSync(latestPath, 'utf8')) as typeof latest;
        latest.scenarios ??= {};
      } catch {
        latest = { scenarios: {} };
      }
    }
    for (const report of full) {
      // Raw per-run data stays in the timestamped file; latest.json keeps what the docs quote.
      const { raw: _raw, ...summary } = report;
      latest.scenarios[report.scenario] = { machine, ...summary };
    }
    writeJson(latestPath, { ...latest, updatedAt: new Date().toISOString() });
    written.push(latestPath);
  }
  return written;
}
