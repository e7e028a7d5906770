import { apiPath, type SearchResult } from '@draftroom/shared';
import { fetchMetrics } from '../lib/promMetrics.ts';
import type { ServerUnderTest } from '../lib/processes.ts';
import { percentile } from '../lib/stats.ts';
import { seedExportSession } from './exports/index.ts';

/**
 * Scenario 10: search (issue 13). A session of `guides` guides of about `wordsPerGuide` words is
 * written through the websocket (the exports' realistic content: English prose, lists, a table,
 * Arabic paragraphs), the server re-indexes each guide after its edit (timed until its
 * `draftroom_search_index_pending` gauge is back to 0), then the organiser, who may read every
 * guide, sends `queries` searches of varied words (common and rare words, two words, prefixes,
 * accented and unaccented, Arabic with and without hamza, a word found nowhere), each timed
 * from the client (HTTP round trip on the same machine). Paced at 4 a second, under the
 * per-person limit of 240 a minute.
 */
export interface SearchOptions {
  guides: number;
  wordsPerGuide: number;
  queries: number;
  log: (message: string) => void;
}

export interface SearchRunResult {
  words: number;
  /** From the last guide written to the index holding every guide. */
  catchUpMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Queries that found at least one block. */
  withHits: number;
  queries: number;
  problems: string[];
}

/** What people type: the content's words (see exports/guideContent.ts), in several shapes. */
const queryMix = [
  'parliament',
  'budget oversight',
  'climate adaptation',
  'accountab',
  'particip',
  'women representation',
  'Recommendations to parliaments',
  'témoignages', // nowhere: an accented word that is not in the guides
  'évidence', // found as "evidence": accents ignored
  'البرلمان',
  'الميزانية',
  'اقليمية', // إقليمية typed without the hamza
  'المناخ تغير',
  'civil society media',
  'quokka', // nowhere
  'stakeholders',
  'gender equality climate',
  'implementation review',
  'الشباب والنساء',
  'data',
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runSearch(
  server: ServerUnderTest,
  options: SearchOptions,
): Promise<SearchRunResult> {
  if (!server.organiser) throw new Error(`${server.name} has no search`);
  const organiser = await server.organiser();
  const seeded = await seedExportSession(server, organiser, options, options.log);
  const problems: string[] = [];
  if (seeded.notStored > 0) problems.push(`${seeded.notStored} guides were not stored as sent`);

  const indexing = performance.now();
  const deadline = Date.now() + 600_000;
  let pending = Number.NaN;
  while (Date.now() < deadline) {
    pending = (await fetchMetrics(server.url)).value('draftroom_search_index_pending');
    if (pending === 0) break;
    await sleep(100);
  }
  const catchUpMs = performance.now() - indexing;
  if (pending !== 0) problems.push(`the index still had ${pending} guides to take in after 10 min`);
  options.log(
    `  index current ${(catchUpMs / 1000).toFixed(1)} s after the last guide was written`,
  );

  const search = (q: string) =>
    organiser.expect<SearchResult>(
      200,
      'GET',
      `${apiPath('searchGuides')}?${new URLSearchParams({ q }).toString()}`,
    );
  // Correctness first: what must be found is, what is nowhere is not.
  const expectHits = async (q: string, found: boolean) => {
    const result = await search(q);
    if (result.hits.length > 0 !== found) {
      problems.push(
        `"${q}" found ${result.hits.length} blocks, expected ${found ? 'some' : 'none'}`,
      );
    }
    return result;
  };
  const common = await expectHits('parliament', true);
  await expectHits('evidence', true);
  await expectHits('évidence', true);
  await expectHits('quokka', false);
  if (options.guides >= 50) {
    // Only at full size is every Arabic sentence of the content sure to be in some guide.
    if (!common.more) problems.push('"parliament" should match more blocks than one page');
    await expectHits('اقليمية', true); // إقليمية without its hamza
    await expectHits('الامانه', true); // الأمانة without hamza, heh for teh marbuta
  }
  await expectHits('NEAR( "*', false);

  const times: number[] = [];
  let withHits = 0;
  for (let index = 0; index < options.queries; index++) {
    const q = queryMix[index % queryMix.length] as string;
    const started = performance.now();
    const result = await search(q);
    times.push(performance.now() - started);
    if (result.hits.length > 0) withHits++;
    // 4 a second: under the per-person limit, and closer to people typing than a tight loop.
    await sleep(250);
  }
  return {
    words: seeded.words,
    catchUpMs,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    maxMs: Math.max(...times),
    withHits,
    queries: options.queries,
    problems,
  };
}
