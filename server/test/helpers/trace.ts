import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { guideText } from '../../testing/index.ts';

/** The real editing traces that sit beside the repository (../shared/traces). */
const tracesDir =
  process.env.TRACES_DIR ?? fileURLToPath(new URL('../../../../shared/traces', import.meta.url));

type Patch = [position: number, deleteCount: number, insert: string];

/**
 * The first `count` transactions of a sequential trace as one writer's Yjs updates (one per
 * transaction, into the shared guide paragraph), and the text they produce.
 */
export function traceUpdates(name: string, count: number): { updates: Uint8Array[]; text: string } {
  const trace = JSON.parse(gunzipSync(readFileSync(`${tracesDir}/${name}.json.gz`)).toString()) as {
    txns: Array<{ patches: Patch[] }>;
  };
  const doc = new Y.Doc();
  doc.clientID = 4242;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = guideText(doc);
  for (const txn of trace.txns.slice(0, count)) {
    doc.transact(() => {
      for (const [position, deleteCount, insert] of txn.patches) {
        if (deleteCount > 0) text.delete(position, deleteCount);
        if (insert) text.insert(position, insert);
      }
    });
  }
  return { updates, text: text.toString() };
}
