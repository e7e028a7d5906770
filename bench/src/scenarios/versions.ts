import * as Y from 'yjs';
import { apiPath, type GuideVersion, type GuideVersionContent } from '@draftroom/shared';
import { diffMarkup, diffVersions, guideBlocks, markupToHtml } from '@draftroom/shared/history';
import { readGuideText } from '@draftroom/server/testing';
import type { GuideSetup, Person } from '../lib/people.ts';
import type { ServerUnderTest } from '../lib/processes.ts';
import { percentile } from '../lib/stats.ts';

/**
 * Scenario 7: version history on a large guide. The guide is seeded with a prefix of a real
 * trace (as the join storm does) while its writer and an observer stay connected, so it is
 * loaded, as it is mid-session. Then:
 * - taking a version: `samples` times `POST /api/guides/:id/versions` as the organiser, each
 *   timed from the client (the server reads the guide, derives its ProseMirror JSON, stores both);
 * - edits follow (the next updates of the same trace), a second version is taken;
 * - the diff: both versions fetched once, then `samples` times, in Node, the comparison and the
 *   marked-up output the history panel shows (`diffVersions` → `diffMarkup` → HTML text).
 */
export interface VersionsOptions {
  seed: Uint8Array[];
  /** Updates applied between the two versions compared. */
  follow: Uint8Array[];
  seedText: string;
  finalText: string;
  samples: number;
  log?: (message: string) => void;
}

export interface VersionsResult {
  guideBytes: number;
  /** The stored size of the first version (its Yjs state). */
  versionBytes: number;
  takeP50Ms: number;
  takeP95Ms: number;
  /** GET of one version's content (ProseMirror JSON), p50. */
  fetchMs: number;
  diffP50Ms: number;
  diffP95Ms: number;
  /** The same against a copy of version 2 with a word changed on every 10th line (synthetic). */
  scatteredP50Ms: number;
  /** Characters the diff marks as written and removed between the two versions. */
  inserted: number;
  deleted: number;
  htmlBytes: number;
  correct: boolean;
  problems: string[];
}

const labels = { inserted: 'inserted:', deleted: 'deleted:', emptyBlock: 'empty line' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runVersions(
  server: ServerUnderTest,
  options: VersionsOptions,
): Promise<VersionsResult> {
  if (!server.organiser) throw new Error(`${server.name} has no version history to measure`);
  const [guide] = (await server.setUpGuides(['Versions'], 2, options.log)).guides as [GuideSetup];
  const [writerPerson, observerPerson] = guide.people as [Person, Person];
  const writer = server.client(guide.documentId, {
    applyUpdates: false,
    headers: writerPerson.headers,
  });
  const observer = server.client(guide.documentId, { headers: observerPerson.headers });
  try {
    await Promise.all([writer.connect(), observer.connect()]);
    const organiser = await server.organiser();
    const problems: string[] = [];
    const send = async (updates: Uint8Array[], text: string, what: string) => {
      for (const update of updates) writer.sendUpdate(update, false);
      const deadline = Date.now() + 60_000;
      while (readGuideText(observer.doc) !== text && Date.now() < deadline) await sleep(20);
      if (readGuideText(observer.doc) !== text) problems.push(`${what} did not reach the observer`);
    };
    const guideId = guide.documentId;
    const take = (label: string) =>
      organiser.expect<GuideVersion>(201, 'POST', apiPath('saveVersion', { guideId }), { label });
    const content = (versionId: string) =>
      organiser.expect<GuideVersionContent>(
        200,
        'GET',
        apiPath('getVersion', { guideId, versionId }),
      );

    await send(options.seed, options.seedText, 'seeding');
    const guideBytes = Y.encodeStateAsUpdate(observer.doc).length;
    await take('warm-up');
    const takeTimes: number[] = [];
    let first: GuideVersion | null = null;
    for (let sample = 0; sample < options.samples; sample++) {
      const started = performance.now();
      first = await take(`Before the edits ${sample + 1}`);
      takeTimes.push(performance.now() - started);
    }
    await send(options.follow, options.finalText, 'the edits');
    const second = await take('After the edits');
    options.log?.(`  ${options.samples} versions of a ${Math.round(guideBytes / 1024)} KiB guide`);

    const fetchTimes: number[] = [];
    let before: unknown = null;
    let after: unknown = null;
    for (let sample = 0; sample < 3; sample++) {
      const started = performance.now();
      before = (await content((first as GuideVersion).id)).content;
      fetchTimes.push(performance.now() - started);
      after = (await content(second.id)).content;
    }

    const diffTimes: number[] = [];
    let html = '';
    let diff = diffVersions(before, after);
    for (let sample = 0; sample < options.samples; sample++) {
      const started = performance.now();
      diff = diffVersions(before, after);
      html = markupToHtml(diffMarkup(diff.blocks, labels));
      diffTimes.push(performance.now() - started);
    }
    problems.push(...checkDiff(before, after, diff, options));
    const scattered = everyTenthLineEdited(after);
    const scatteredTimes: number[] = [];
    for (let sample = 0; sample < options.samples; sample++) {
      const started = performance.now();
      markupToHtml(diffMarkup(diffVersions(before, scattered).blocks, labels));
      scatteredTimes.push(performance.now() - started);
    }
    return {
      guideBytes,
      versionBytes: (first as GuideVersion).bytes,
      takeP50Ms: percentile(takeTimes, 50),
      takeP95Ms: percentile(takeTimes, 95),
      fetchMs: percentile(fetchTimes, 50),
      diffP50Ms: percentile(diffTimes, 50),
      diffP95Ms: percentile(diffTimes, 95),
      scatteredP50Ms: percentile(scatteredTimes, 50),
      inserted: diff.inserted,
      deleted: diff.deleted,
      htmlBytes: html.length,
      correct: problems.length === 0,
      problems,
    };
  } finally {
    await Promise.allSettled([writer.close(), observer.close()]);
  }
}

/**
 * The versions hold what the observer saw, and the diff is a real one: its kept and deleted
 * text rebuild the first version, its kept and inserted text the second, and it found changes.
 */
function checkDiff(
  before: unknown,
  after: unknown,
  diff: ReturnType<typeof diffVersions>,
  options: VersionsOptions,
): string[] {
  const problems: string[] = [];
  const text = (doc: unknown) => guideBlocks(doc).map((block) => block.text);
  if (text(before).join('') !== options.seedText) problems.push('version 1 is not the seeded text');
  if (text(after).join('') !== options.finalText) problems.push('version 2 is not the final text');
  const side = (skipBlock: string, skipSegment: string) =>
    diff.blocks
      .filter((block) => block.status !== skipBlock)
      .map((block) =>
        block.segments
          .filter((segment) => segment.kind !== skipSegment)
          .map((segment) => segment.text)
          .join(''),
      );
  if (side('inserted', 'ins').join('\u0000') !== text(before).join('\u0000')) {
    problems.push('the diff does not rebuild version 1');
  }
  if (side('deleted', 'del').join('\u0000') !== text(after).join('\u0000')) {
    problems.push('the diff does not rebuild version 2');
  }
  if (diff.inserted + diff.deleted === 0) problems.push('the diff found no change');
  return problems;
}

/** A copy of a version with one word changed on every 10th line of every block: edits everywhere. */
function everyTenthLineEdited(doc: unknown): unknown {
  return JSON.parse(JSON.stringify(doc), (key, value: unknown) =>
    key === 'text' && typeof value === 'string'
      ? value
          .split('\n')
          .map((line, index) => (index % 10 === 5 ? `${line} (edited)` : line))
          .join('\n')
      : value,
  );
}
