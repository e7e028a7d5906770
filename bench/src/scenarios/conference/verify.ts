import * as Y from 'yjs';
import type { GuidesSetup } from '../../lib/people.ts';
import type { ServerUnderTest } from '../../lib/processes.ts';
import { fetchMetrics } from '../../lib/promMetrics.ts';
import { editChars, type Peer } from './peers.ts';

/**
 * A fresh client per guide syncs the server's copy and checks it holds every edit each writer
 * sent (its state vector must reach 3 × edits for every writer). On Draftroom it is the
 * organiser's: a fresh connection, not one of the group's, and one that may open every guide.
 */
export async function verifyServerCopies(
  server: ServerUnderTest,
  setup: GuidesSetup,
  peers: Peer[],
): Promise<number> {
  const documentIds = setup.guides.map((guide) => guide.documentId);
  let missing = 0;
  for (let start = 0; start < documentIds.length; start += 10) {
    const batch = documentIds.slice(start, start + 10);
    const counts = await Promise.all(
      batch.map(async (documentId, offset) => {
        const guide = start + offset;
        const verifier = server.client(documentId, {
          headers: setup.organiser.headers,
        });
        try {
          await verifier.connect(30_000);
          const stateVector = Y.decodeStateVector(Y.encodeStateVector(verifier.doc));
          let guideMissing = 0;
          for (const peer of peers) {
            if (peer.guide !== guide) continue;
            const have = Math.floor((stateVector.get(peer.clientId) ?? 0) / editChars);
            guideMissing += Math.max(0, peer.sent - have);
          }
          return guideMissing;
        } catch {
          return peers.filter((peer) => peer.guide === guide).reduce((sum, p) => sum + p.sent, 0);
        } finally {
          await verifier.close();
        }
      }),
    );
    missing += counts.reduce((sum, count) => sum + count, 0);
  }
  return missing;
}

/** Messages Draftroom says it refused (its /metrics); null on the other servers. */
export async function serverRejected(server: ServerUnderTest): Promise<number | null> {
  if (server.name !== 'draftroom') return null;
  try {
    const value = (await fetchMetrics(server.url)).value('draftroom_messages_rejected_total');
    return Number.isNaN(value) ? 0 : value;
  } catch {
    return null;
  }
}
