import * as Y from 'yjs';
import { guideText } from '@draftroom/server/testing';
import type { ServerUnderTest } from '../lib/processes.ts';

/**
 * Memory amplification: what one writer can make the server hold in memory per byte it sends.
 * The cheapest way to cost a Yjs server memory is many tiny items that never merge (each letter
 * typed in front of the last one): a few bytes on the wire, a few hundred in the heap. One
 * participant floods one guide with such updates until the server refuses (Draftroom: close
 * 4413 at its item budget) or `maxItems` were sent; the server's resident memory is read
 * before and after. The worst ratio a client can reach is growth / bytes sent.
 */
export interface MemoryOptions {
  itemsPerUpdate: number;
  maxItems: number;
  log?: (message: string) => void;
}

export interface MemoryResult {
  itemsSent: number;
  bytesSent: number;
  /** Close code the writer got (4413 when refused past the budget), or null. */
  closeCode: number | null;
  rssBeforeBytes: number;
  rssAfterBytes: number;
  rssGrowthBytes: number;
  /** RSS growth / bytes sent. */
  amplification: number;
  bytesPerItem: number;
}

const settleMs = 2_000;

export async function runMemoryFlood(
  server: ServerUnderTest,
  options: MemoryOptions,
): Promise<MemoryResult> {
  const { guides } = await server.setUpGuides(['Memory flood'], 1, options.log);
  const [guide] = guides;
  if (!guide) throw new Error('no guide was set up');
  const writer = server.client(guide.documentId, {
    applyUpdates: false,
    headers: guide.people[0]?.headers ?? {},
  });
  await writer.connect();
  await sleep(settleMs);
  const rssBeforeBytes = server.rssBytes();

  const doc = new Y.Doc();
  const pending: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => pending.push(update));
  const text = guideText(doc);
  let itemsSent = 0;
  let bytesSent = 0;
  const flush = () => {
    for (const update of pending.splice(0)) {
      writer.sendUpdate(update, false);
      bytesSent += update.length;
    }
  };
  flush();
  while (itemsSent < options.maxItems && writer.closeCode === null) {
    doc.transact(() => {
      for (let index = 0; index < options.itemsPerUpdate; index++) text.insert(0, 'x');
    });
    itemsSent += options.itemsPerUpdate;
    flush();
    // Keep at most a few updates in flight, so the server is measured, not the socket buffer.
    if ((itemsSent / options.itemsPerUpdate) % 20 === 0) await writer.roundTrip();
  }
  await writer.roundTrip();
  await sleep(settleMs);
  const rssAfterBytes = server.rssBytes();
  const closeCode = writer.closeCode;
  await writer.close();
  doc.destroy();
  const rssGrowthBytes = Math.max(0, rssAfterBytes - rssBeforeBytes);
  return {
    itemsSent,
    bytesSent,
    closeCode,
    rssBeforeBytes,
    rssAfterBytes,
    rssGrowthBytes,
    amplification: rssGrowthBytes / bytesSent,
    bytesPerItem: rssGrowthBytes / itemsSent,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
