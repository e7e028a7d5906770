import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { readGuideText } from '@draftroom/server/testing';
import { startHocuspocus } from '../lib/processes.ts';
import { median } from '../lib/stats.ts';
import type { Trace } from '../lib/traces.ts';
import type { ColdLoadOptions } from './coldLoad.ts';
import { replaySequential } from './traceReplay.ts';

export interface HocuspocusColdLoadResult {
  samplesMs: number[];
  medianMs: number;
  /** What Hocuspocus' SQLite extension stores for the guide: the whole encoded state. */
  storedBytes: number;
  correct: boolean;
  problems: string[];
}

/**
 * Scenario 3 on Hocuspocus: the same history written through it, then a fresh process per
 * sample, a warm-up guide loaded first, and the timed client's connect → synced. Hocuspocus
 * stores whole states (no appended history), so it has only an "after compaction" figure; it is
 * stopped gracefully after writing, since a kill within its 2–10 s debounce would lose edits.
 */
export async function runHocuspocusColdLoad(
  trace: Trace,
  updates: Uint8Array[],
  options: ColdLoadOptions,
): Promise<HocuspocusColdLoadResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'draftroom-coldload-hocuspocus-'));
  const problems: string[] = [];
  try {
    const documentId = 'cold-load';
    const warmupId = 'warm-up';
    {
      const server = await startHocuspocus({ dataDir });
      const [main, warmup] = (await server.setUpGuides(['Cold load', 'Warm-up'], 2)).guides;
      if (!main || !warmup) throw new Error('guides were not set up');
      const replay = await replaySequential(server, trace, updates, { ...main, documentId });
      if (!replay.correct) problems.push('seeding replay did not reach the trace text');
      const prefix = updates.slice(0, options.warmupUpdates);
      const warmupDoc = new Y.Doc();
      for (const update of prefix) Y.applyUpdate(warmupDoc, update);
      const warm = await replaySequential(
        server,
        { ...trace, endContent: readGuideText(warmupDoc) },
        prefix,
        { ...warmup, documentId: warmupId },
      );
      if (!warm.correct) problems.push('seeding the warm-up guide failed');
      await server.stop('SIGTERM');
    }
    const samplesMs: number[] = [];
    for (let sample = 0; sample < options.samples; sample++) {
      await options.beforeSample?.();
      const server = await startHocuspocus({ dataDir });
      try {
        const warm = server.client(warmupId);
        await warm.connect(120_000);
        await warm.close();
        const started = performance.now();
        const client = server.client(documentId);
        await client.connect(120_000);
        samplesMs.push(performance.now() - started);
        if (readGuideText(client.doc) !== trace.endContent) {
          problems.push('a loading client did not get the whole text');
        }
        await client.close();
      } finally {
        await server.stop('SIGTERM');
      }
    }
    options.log?.(`  hocuspocus: ${samplesMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    return {
      samplesMs,
      medianMs: median(samplesMs),
      storedBytes: storedBytes(join(dataDir, 'hocuspocus.sqlite'), documentId),
      correct: problems.length === 0,
      problems,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function storedBytes(file: string, documentId: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare<[string], { bytes: number }>(
        'SELECT length(data) AS bytes FROM documents WHERE name = ?',
      )
      .get(documentId);
    return row?.bytes ?? 0;
  } finally {
    db.close();
  }
}
