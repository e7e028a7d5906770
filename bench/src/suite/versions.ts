import { seedOfSize } from '../scenarios/joinStorm.ts';
import { runVersions, type VersionsResult } from '../scenarios/versions.ts';
import type { Check, Row } from '../report/report.ts';
import { below, row, target } from '../report/report.ts';
import {
  newNoiseLog,
  noiseRow,
  paperPrefix,
  rowsOf,
  runOnServers,
  type ScenarioOutcome,
  type SuiteOptions,
} from './common.ts';
import * as Y from 'yjs';
import { readGuideText } from '@draftroom/server/testing';

/**
 * Scenario 7 in the suite (Draftroom only: the relays keep no history). Targets from issue 11:
 * a version of a 100 KB guide in under 50 ms, a diff of two of its versions rendered in under
 * 300 ms.
 */
export async function runVersionsScenario(options: SuiteOptions): Promise<ScenarioOutcome> {
  const size = options.smoke
    ? // Smaller at smoke size: the trace's first 100 KiB take most of a minute to generate there.
      { guideBytes: 30 * 1024, followUpdates: 500, samples: 3, traceUpdates: 25_000 }
    : // 15 + 2 saves stay under the server's bound of 20 saves a minute per person.
      { guideBytes: 100 * 1024, followUpdates: 5_000, samples: 15, traceUpdates: 80_000 };
  const { updates } = paperPrefix(size.traceUpdates);
  const seed = seedOfSize(updates, size.guideBytes);
  const follow = updates.slice(seed.updates, seed.updates + size.followUpdates);
  const finalDoc = new Y.Doc();
  for (const update of updates.slice(0, seed.updates + follow.length))
    Y.applyUpdate(finalDoc, update);
  const noise = newNoiseLog();
  const results = await runOnServers(
    ['draftroom'],
    (server) =>
      runVersions(server, {
        seed: seed.chunks,
        follow: [Y.mergeUpdates(follow)],
        seedText: seed.expectedText,
        finalText: readGuideText(finalDoc),
        samples: size.samples,
        log: options.log,
      }),
    { options, noise },
  );
  const read = (pick: (r: VersionsResult) => number) => ({
    draftroom: (results.draftroom ?? []).map(pick),
  });
  const rows: Row[] = [
    ...rowsOf(results, [
      ['guide size (encoded state)', 'KiB', (r) => r.guideBytes / 1024],
      ['stored version (Yjs state)', 'KiB', (r) => r.versionBytes / 1024],
    ]),
    row(
      'take a version (POST, client-timed), p50',
      'ms',
      read((r) => r.takeP50Ms),
      (value) => [target('< 50 ms', below(value, 50))],
    ),
    row(
      'take a version (POST, client-timed), p95',
      'ms',
      read((r) => r.takeP95Ms),
    ),
    row(
      'fetch one version (GET, JSON), p50',
      'ms',
      read((r) => r.fetchMs),
    ),
    row(
      'diff + render two versions (Node), p50',
      'ms',
      read((r) => r.diffP50Ms),
      (value) => [target('< 300 ms', below(value, 300))],
    ),
    row(
      'diff + render two versions (Node), p95',
      'ms',
      read((r) => r.diffP95Ms),
    ),
    row(
      'diff + render, a word changed on every 10th line (synthetic), p50',
      'ms',
      read((r) => r.scatteredP50Ms),
    ),
    ...rowsOf(results, [
      ['characters marked inserted', 'chars', (r) => r.inserted],
      ['characters marked deleted', 'chars', (r) => r.deleted],
      ['rendered diff (HTML)', 'KiB', (r) => r.htmlBytes / 1024],
    ]),
    noiseRow(noise),
  ];
  const checks: Check[] = (results.draftroom ?? []).map((result, index) => ({
    name: `run ${index + 1}: versions hold the guide and the diff rebuilds both`,
    ok: result.correct,
    ...(result.problems.length > 0 ? { detail: result.problems.join('; ') } : {}),
  }));
  return {
    title: '8. Version history of a large guide (Draftroom only: the relays keep no history)',
    parameters: {
      'guide size (target)': `${size.guideBytes / 1024} KiB`,
      'seed updates': seed.updates,
      'updates between the versions': follow.length,
      samples: size.samples,
    },
    rows,
    checks,
    raw: results,
  };
}
