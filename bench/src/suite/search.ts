import { runSearch, type SearchRunResult } from '../scenarios/search.ts';
import { below, row, target, type Check, type Row } from '../report/report.ts';
import {
  newNoiseLog,
  noiseRow,
  rowsOf,
  runOnServers,
  sizesFor,
  type ScenarioOutcome,
  type SuiteOptions,
} from './common.ts';

/**
 * Scenario 10 in the suite (Draftroom only: the relays have no search). Issue 13's target: a
 * search over 200 guides of 3,000 words answers in under 100 ms at the 95th percentile.
 */
export async function runSearchScenario(options: SuiteOptions): Promise<ScenarioOutcome> {
  const { search: size } = sizesFor(options.smoke);
  const noise = newNoiseLog();
  const results = await runOnServers(
    ['draftroom'],
    (server) => runSearch(server, { ...size, log: options.log }),
    { options, noise },
  );
  const read = (pick: (r: SearchRunResult) => number) => ({
    draftroom: (results.draftroom ?? []).map(pick),
  });
  const rows: Row[] = [
    ...rowsOf(results, [
      ['words in the guides', 'words', (r) => r.words],
      ['index current after the last write', 's', (r) => r.catchUpMs / 1000],
    ]),
    row(
      'search (GET, client-timed), p50',
      'ms',
      read((r) => r.p50Ms),
    ),
    row(
      'search (GET, client-timed), p95',
      'ms',
      read((r) => r.p95Ms),
      (value) => [target('< 100 ms', below(value, 100))],
    ),
    row(
      'search (GET, client-timed), slowest',
      'ms',
      read((r) => r.maxMs),
    ),
    ...rowsOf(results, [['searches that found something', 'queries', (r) => r.withHits]]),
    noiseRow(noise),
  ];
  const checks: Check[] = (results.draftroom ?? []).map((result, index) => ({
    name: `run ${index + 1}: every guide indexed, found what is there and nothing else`,
    ok: result.problems.length === 0,
    ...(result.problems.length > 0 ? { detail: result.problems.join('; ') } : {}),
  }));
  return {
    title: '10. Search across guides (Draftroom only: the relays have no search)',
    parameters: {
      guides: size.guides,
      'words per guide (about)': size.wordsPerGuide,
      queries: size.queries,
    },
    rows,
    checks,
    raw: results,
  };
}
