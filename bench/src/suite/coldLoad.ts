import { waitForQuietMachine } from '../lib/sampler.ts';
import { runColdLoad, type ColdLoadResult } from '../scenarios/coldLoad.ts';
import { atMost, below, row, target, type Check, type Row } from '../report/report.ts';
import { paperPrefix, sizesFor, type ScenarioOutcome, type SuiteOptions } from './common.ts';

/** Scenario 3 in the suite: runs, medians, targets and checks of the cold load. */
export async function runColdLoadScenario(options: SuiteOptions): Promise<ScenarioOutcome> {
  const size = sizesFor(options.smoke).coldLoad;
  const { trace, updates } = paperPrefix(size.updates);
  const results: ColdLoadResult[] = [];
  for (let run = 0; run < options.runs; run++) {
    options.log(`  run ${run + 1}: writing ${updates.length} updates`);
    results.push(
      await runColdLoad(trace, updates, {
        samples: size.samples,
        warmupUpdates: size.warmupUpdates,
        log: options.log,
        ...(options.smoke ? {} : { beforeSample: () => waitForQuietMachine(60_000, options.log) }),
      }),
    );
  }
  const draftroom = (read: (result: ColdLoadResult) => number) => results.map(read);
  const rows: Row[] = [
    row(
      'connect → synced, before compaction',
      'ms',
      draftroom((r) => r.before.medianMs),
      null,
    ),
    row(
      'connect → synced, after compaction',
      'ms',
      draftroom((r) => r.after.medianMs),
      null,
      (value) => [target('< 150 ms', below(value, 150))],
    ),
    row(
      'server load time, before compaction',
      'ms',
      draftroom((r) => r.before.serverLoadMs),
      null,
    ),
    row(
      'server load time, after compaction',
      'ms',
      draftroom((r) => r.after.serverLoadMs),
      null,
    ),
    row(
      'stored rows before compaction',
      'rows',
      draftroom((r) => r.before.stored.updateRows),
      null,
    ),
    row(
      'stored bytes before compaction',
      'bytes',
      draftroom((r) => r.before.stored.totalBytes),
      null,
    ),
    row(
      'stored bytes after compaction',
      'bytes',
      draftroom((r) => r.after.stored.totalBytes),
      null,
    ),
    row(
      'encoded state (Y.encodeStateAsUpdate)',
      'bytes',
      draftroom((r) => r.encodedStateBytes),
      null,
    ),
    row(
      'stored after compaction / encoded state',
      '×',
      draftroom((r) => r.storedToEncodedRatio),
      null,
      (value) => [target('≤ 2×', atMost(value, 2))],
    ),
    row(
      'SQLite file + WAL after compaction',
      'bytes',
      draftroom((r) => r.after.stored.fileBytes),
      null,
    ),
    row(
      'compaction on unload (incl. load)',
      's',
      draftroom((r) => r.compactionSeconds),
      null,
    ),
  ];
  const checks: Check[] = results.map((result, index) => ({
    name: `run ${index + 1}: history stored, compacted, every client got the whole text`,
    ok: result.correct,
    ...(result.problems.length > 0 ? { detail: result.problems.join('; ') } : {}),
  }));
  return {
    title: '3. Cold load (baseline: n/a, it stores nothing)',
    parameters: {
      trace: 'automerge-paper',
      updates: updates.length,
      'samples per state': size.samples,
      'warm-up guide updates': size.warmupUpdates,
    },
    rows,
    checks,
    raw: results,
  };
}
