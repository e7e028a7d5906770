import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import {
  sqlitePath,
  startDraftroom,
  unthrottledEnv,
  type ServerUnderTest,
} from '../lib/processes.ts';
import type { GuideSetup, Person } from '../lib/people.ts';
import { fetchMetrics } from '../lib/promMetrics.ts';
import { median } from '../lib/stats.ts';
import type { Trace } from '../lib/traces.ts';
import { replaySequential } from './traceReplay.ts';
import { readGuideText } from '@draftroom/server/testing';

/**
 * Scenario 3: a guide whose store holds a whole trace's history, one appended row per edit.
 * A new client's time from connect to synced is measured before compaction (the server replays
 * every row) and after (one state row). Every sample is taken on a freshly started server
 * process on the same data directory, so the document is never already in memory (unloading
 * would compact it). So that the figure is the document's load and not the process's JIT
 * warming up, each new process first loads a smaller warm-up guide holding a prefix of the same
 * trace, stored the same way (appended rows before, compacted after). Draftroom only: the
 * baseline keeps nothing.
 *
 * People: on the first start the organiser sets up both guides (a group of two each) and each
 * group's writer and reader join with its invite link. Every later process runs on the same
 * data, so their sign-ins are still valid: the timed client is the reader coming back to the
 * guide with the cookie they already have, as a person reloading the page after a restart.
 */
export interface ColdLoadOptions {
  samples: number;
  /** Updates in the warm-up guide (a prefix of the same trace). */
  warmupUpdates: number;
  /** Called before every timed sample (the suite waits there for a quiet machine). */
  beforeSample?: () => Promise<unknown>;
  log?: (message: string) => void;
}

export interface StoredSize {
  stateBytes: number;
  updateRows: number;
  updateBytes: number;
  totalBytes: number;
  /** The SQLite file and its WAL on disk (pages, indexes and free space included). */
  fileBytes: number;
}

export interface ColdLoadResult {
  updates: number;
  encodedStateBytes: number;
  before: { samplesMs: number[]; medianMs: number; serverLoadMs: number; stored: StoredSize };
  after: { samplesMs: number[]; medianMs: number; serverLoadMs: number; stored: StoredSize };
  /** Stored bytes after compaction / encoded state bytes. */
  storedToEncodedRatio: number;
  compactionSeconds: number;
  correct: boolean;
  problems: string[];
}

/** Nothing compacts while the history is being written or read back. */
const neverCompact = {
  ...unthrottledEnv,
  COMPACT_AFTER_UPDATES: '10000000',
  COMPACT_AFTER_BYTES: String(1 << 30),
  IDLE_UNLOAD_MS: '86400000',
};

export async function runColdLoad(
  trace: Trace,
  updates: Uint8Array[],
  options: ColdLoadOptions,
): Promise<ColdLoadResult> {
  const log = options.log ?? (() => {});
  const dataDir = mkdtempSync(join(tmpdir(), 'draftroom-coldload-'));
  const problems: string[] = [];
  try {
    const expected = Y.encodeStateAsUpdate(docOf(updates));

    // 1. Write the whole history through the server, then kill it (SIGKILL: a graceful stop would
    //    compact on unload). Every update the observer received was durable first.
    let main: GuideSetup;
    let warmupGuide: GuideSetup;
    {
      const server = await startDraftroom(neverCompact, { dataDir });
      [main, warmupGuide] = (await server.setUpGuides(['Cold load', 'Warm-up'], 2)).guides as [
        GuideSetup,
        GuideSetup,
      ];
      const replay = await replaySequential(server, trace, updates, main);
      if (!replay.correct) problems.push('seeding replay did not reach the trace text');
      const warmupPrefix = updates.slice(0, options.warmupUpdates);
      const warmupText = readGuideText(docOf(warmupPrefix));
      const warmup = await replaySequential(
        server,
        { ...trace, endContent: warmupText },
        warmupPrefix,
        warmupGuide,
      );
      if (!warmup.correct) problems.push('seeding the warm-up guide failed');
      await server.stop('SIGKILL');
    }
    const documentId = main.documentId;
    const warmupId = warmupGuide.documentId;
    // The second person of each group: the observer while seeding, the reader coming back after.
    const reader = main.people[1] as Person;
    const warmupReader = warmupGuide.people[1] as Person;
    const storedBefore = storedSize(dataDir, documentId);
    log(`  stored before compaction: ${storedBefore.updateRows} rows`);
    if (storedBefore.updateRows < updates.length) {
      problems.push(`only ${storedBefore.updateRows} of ${updates.length} updates were stored`);
    }

    const measure = async (env: Record<string, string>, signal: NodeJS.Signals) => {
      const samplesMs: number[] = [];
      const serverLoadMs: number[] = [];
      for (let sample = 0; sample < options.samples; sample++) {
        await options.beforeSample?.();
        const server = await startDraftroom(env, { dataDir });
        try {
          const warm = server.client(warmupId, {
            applyUpdates: false,
            headers: warmupReader.headers,
          });
          await warm.connect(120_000);
          await warm.close();
          const loadBefore = await loadSecondsTotal(server);
          const timed = await timeSync(server, documentId, reader, trace.endContent);
          samplesMs.push(timed.ms);
          if (!timed.correct) problems.push('a loading client did not get the whole text');
          serverLoadMs.push(((await loadSecondsTotal(server)) - loadBefore) * 1000);
        } finally {
          await server.stop(signal);
        }
      }
      return { samplesMs, medianMs: median(samplesMs), serverLoadMs: median(serverLoadMs) };
    };

    // 2. Before compaction: every start replays all the appended rows.
    const before = await measure(neverCompact, 'SIGKILL');
    log(`  before compaction: ${before.samplesMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);

    // 3. Compact the way production does: the document unloads once its last client leaves.
    const compactionStarted = performance.now();
    {
      const server = await startDraftroom({ IDLE_UNLOAD_MS: '0' }, { dataDir });
      try {
        for (const [id, person] of [
          [documentId, reader],
          [warmupId, warmupReader],
        ] as const) {
          const client = server.client(id, {
            applyUpdates: false,
            headers: person.headers,
          });
          await client.connect(120_000);
          await client.close();
        }
        const pending = () =>
          storedSize(dataDir, documentId).updateRows + storedSize(dataDir, warmupId).updateRows;
        const deadline = Date.now() + 120_000;
        while (pending() > 0 && Date.now() < deadline) await sleep(100);
      } finally {
        await server.stop('SIGTERM');
      }
    }
    const compactionSeconds = (performance.now() - compactionStarted) / 1000;
    const storedAfter = storedSize(dataDir, documentId);
    if (storedAfter.updateRows > 0) problems.push('the document was not compacted');

    // 4. After compaction.
    const after = await measure({ IDLE_UNLOAD_MS: '0' }, 'SIGTERM');
    log(`  after compaction: ${after.samplesMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);

    return {
      updates: updates.length,
      encodedStateBytes: expected.length,
      before: { ...before, stored: storedBefore },
      after: { ...after, stored: storedAfter },
      storedToEncodedRatio: storedAfter.totalBytes / expected.length,
      compactionSeconds,
      correct: problems.length === 0,
      problems,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Connect → sync step 2 received. The client applies it afterwards, untimed, to check it. */
async function timeSync(
  server: ServerUnderTest,
  documentId: string,
  person: Person,
  expectedText: string,
) {
  const started = performance.now();
  const client = server.client(documentId, {
    applyUpdates: false,
    headers: person.headers,
  });
  await client.connect(120_000);
  const ms = performance.now() - started;
  await client.close();
  const doc = new Y.Doc();
  if (client.syncPayload) Y.applyUpdate(doc, client.syncPayload);
  return { ms, correct: readGuideText(doc) === expectedText };
}

async function loadSecondsTotal(server: ServerUnderTest): Promise<number> {
  const value = (await fetchMetrics(server.url)).value(
    'draftroom_document_load_duration_seconds_sum',
  );
  return Number.isNaN(value) ? 0 : value;
}

/** What the store holds for one document, read straight from the SQLite file. */
export function storedSize(dataDir: string, documentId: string): StoredSize {
  const file = sqlitePath(dataDir);
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const state = db
      .prepare<[string], { bytes: number }>(
        'SELECT length(state) AS bytes FROM document_states WHERE document_id = ?',
      )
      .get(documentId);
    const appended = db
      .prepare<[string], { rows: number; bytes: number | null }>(
        'SELECT count(*) AS rows, sum(length(data)) AS bytes FROM document_updates WHERE document_id = ?',
      )
      .get(documentId);
    const stateBytes = state?.bytes ?? 0;
    const updateBytes = appended?.bytes ?? 0;
    return {
      stateBytes,
      updateRows: appended?.rows ?? 0,
      updateBytes,
      totalBytes: stateBytes + updateBytes,
      fileBytes: fileSize(file) + fileSize(`${file}-wal`),
    };
  } finally {
    db.close();
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function docOf(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
