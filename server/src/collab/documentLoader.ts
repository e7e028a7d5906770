import * as Y from 'yjs';
import type { Logger } from '../lib/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { DocumentStore, StoredDocument } from '../persistence/index.ts';

/** A document rebuilt from storage, with what the room needs to keep its accounts. */
export interface LoadedDocument {
  doc: Y.Doc;
  stateBytes: number;
  /** Sequence numbers of the appended updates now in `doc` (quarantined ones excluded). */
  seqs: number[];
  updateBytes: number;
  /** Sequence numbers set aside because they failed to apply. */
  quarantined: number[];
}

/** More bad rows than this in one guide means something else is wrong: refuse to guess. */
const maxQuarantinedPerLoad = 50;

/**
 * Rebuilds a document from its compacted state and appended updates. Normally all in one Yjs
 * transaction (fast). If that throws, a stored row is poisoned (written before updates were
 * validated, or by a bug): the document is rebuilt row by row, each in its own transaction, and
 * a row that throws is moved to quarantine. Because a row can throw halfway through, having
 * applied part of itself, the rebuild starts again from scratch without it, so the loaded guide
 * holds exactly the rows that apply cleanly. A state that does not apply fails the load: nothing
 * is served and nothing written.
 */
export async function loadDocument(
  store: DocumentStore,
  documentId: string,
  metrics: Metrics,
  log: Logger,
): Promise<LoadedDocument> {
  const stored = await store.load(documentId);
  const rebuilt = applyAllAtOnce(stored) ?? applyRowByRow(stored);
  if (rebuilt.quarantined.length > 0) {
    const reason = 'failed to apply when the guide loaded';
    await store.quarantine(documentId, rebuilt.quarantined, reason);
    metrics.quarantinedUpdates.inc(rebuilt.quarantined.length);
    log.error(
      { category: 'persistence', documentId, seqs: rebuilt.quarantined },
      'stored updates failed to apply and were quarantined; the rest of the guide loaded',
    );
  }
  const kept = stored.updates.filter((row) => !rebuilt.quarantined.includes(row.seq));
  return {
    doc: rebuilt.doc,
    stateBytes: stored.state?.length ?? 0,
    seqs: kept.map((row) => row.seq),
    updateBytes: kept.reduce((sum, row) => sum + row.data.length, 0),
    quarantined: rebuilt.quarantined,
  };
}

function applyAllAtOnce(stored: StoredDocument): { doc: Y.Doc; quarantined: number[] } | null {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      if (stored.state) Y.applyUpdate(doc, stored.state);
      for (const { data } of stored.updates) Y.applyUpdate(doc, data);
    });
    return { doc, quarantined: [] };
  } catch {
    doc.destroy();
    return null;
  }
}

function applyRowByRow(stored: StoredDocument): { doc: Y.Doc; quarantined: number[] } {
  const quarantined: number[] = [];
  for (;;) {
    const doc = new Y.Doc();
    // Outside the try: a state that does not apply is a failed load, not a bad row.
    if (stored.state) Y.applyUpdate(doc, stored.state);
    const failed = stored.updates.find((row) => {
      if (quarantined.includes(row.seq)) return false;
      try {
        Y.applyUpdate(doc, row.data);
        return false;
      } catch {
        return true;
      }
    });
    if (!failed) return { doc, quarantined };
    doc.destroy();
    quarantined.push(failed.seq);
    if (quarantined.length > maxQuarantinedPerLoad) {
      throw new Error(`more than ${maxQuarantinedPerLoad} stored updates fail to apply`);
    }
  }
}
