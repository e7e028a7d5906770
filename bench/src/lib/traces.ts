import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { guideText } from '@draftroom/server/testing';

/** The real editing traces in ../shared/traces (see their README for the format and licence). */
export const tracesDir =
  process.env.TRACES_DIR ?? fileURLToPath(new URL('../../../../shared/traces', import.meta.url));

type Patch = [position: number, deleteCount: number, insert: string];

export interface Trace {
  endContent: string;
  txns: Array<{ patches: Patch[]; agent?: number; parents?: number[] }>;
  numAgents?: number;
}

export function loadTrace(name: string): Trace {
  const path = `${tracesDir}/${name}.json.gz`;
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as Trace;
}

function applyPatches(text: Y.XmlText, patches: Patch[]): void {
  for (const [position, deleteCount, insert] of patches) {
    if (deleteCount > 0) text.delete(position, deleteCount);
    if (insert.length > 0) text.insert(position, insert);
  }
}

/**
 * One Yjs update per transaction of a sequential trace, as one writer typing would produce them.
 * Generated before any timing starts.
 */
export function sequentialUpdates(trace: Trace, limit = trace.txns.length): Uint8Array[] {
  const doc = new Y.Doc();
  // The guide paragraph the trace is typed into travels with the first transaction, so there is
  // still exactly one update per transaction.
  const text = guideText(doc);
  let paragraph: Uint8Array | null = Y.encodeStateAsUpdate(doc);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => {
    updates.push(paragraph ? Y.mergeUpdates([paragraph, update]) : update);
    paragraph = null;
  });
  for (const txn of trace.txns.slice(0, limit)) doc.transact(() => applyPatches(text, txn.patches));
  return updates;
}

/**
 * The updates of a concurrent trace, each tagged with its agent. Every agent has its own doc;
 * before a transaction it receives exactly the transactions in its parents' history, so each
 * patch's positions mean what they meant when it was typed.
 */
export function concurrentUpdates(trace: Trace): Array<{ agent: number; update: Uint8Array }> {
  const agents = trace.numAgents ?? 1 + Math.max(...trace.txns.map((txn) => txn.agent ?? 0));
  const docs = Array.from({ length: agents }, (_, agent) => {
    const doc = new Y.Doc();
    doc.clientID = agent + 1;
    return doc;
  });
  const applied = docs.map(() => new Set<number>());
  const produced: Array<{ agent: number; update: Uint8Array }> = [];

  trace.txns.forEach((txn, index) => {
    const agent = txn.agent ?? 0;
    const doc = docs[agent] as Y.Doc;
    const seen = applied[agent] as Set<number>;
    const missing: number[] = [];
    const stack = [...(txn.parents ?? [])];
    while (stack.length > 0) {
      const parent = stack.pop() as number;
      if (seen.has(parent)) continue;
      seen.add(parent);
      missing.push(parent);
      stack.push(...(trace.txns[parent]?.parents ?? []));
    }
    missing.sort((a, b) => a - b);
    for (const parent of missing)
      Y.applyUpdate(doc, (produced[parent] as { update: Uint8Array }).update);

    const captured: Uint8Array[] = [];
    const capture = (value: Uint8Array) => captured.push(value);
    doc.on('update', capture);
    // An agent's first transaction also carries the shared guide paragraph (identical for all).
    const text = guideText(doc);
    doc.transact(() => applyPatches(text, txn.patches));
    doc.off('update', capture);
    seen.add(index);
    produced.push({ agent, update: Y.mergeUpdates(captured) });
  });
  return produced;
}
