import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, whenSynced, type HonestClient } from './helpers/clients.ts';
import { startCollabOnly, type CollabOnly } from './helpers/collabOnly.ts';
import { MemoryRelayHub } from './helpers/memoryRelay.ts';
import { waitFor } from './helpers/waitFor.ts';
import { onPostgres } from '../testing/index.ts';

// The collaboration side of several instances: two collaboration servers on one database,
// relayed in memory (the Redis relay is tested in scaleout/, and end to end by the fault tests).
const guideId = 'remote-plenary-sittings';

describe('two instances of one guide, relayed', () => {
  const servers: CollabOnly[] = [];
  const clients: HonestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const server of servers.splice(0).reverse()) await server.close();
  });

  async function twoInstances(options: { compactAfterUpdates?: number } = {}) {
    const hub = new MemoryRelayHub();
    const a = await startCollabOnly({ relay: hub.relayFor('a'), ...options });
    servers.push(a);
    const b = await startCollabOnly({ besides: a, relay: hub.relayFor('b'), ...options });
    servers.push(b);
    const onA = connectClient(a.target, guideId);
    const onB = connectClient(b.target, guideId);
    clients.push(onA, onB);
    await Promise.all([whenSynced(onA), whenSynced(onB)]);
    return { hub, a, b, onA, onB };
  }

  const stored = async (server: CollabOnly) => {
    const { state, updates } = await server.persistence.documents.load(guideId);
    const doc = new Y.Doc();
    if (state) Y.applyUpdate(doc, state);
    for (const { data } of updates) Y.applyUpdate(doc, data);
    return doc;
  };

  it('an edit stored by one instance reaches the clients of the other, both ways', async () => {
    const { onA, onB } = await twoInstances();
    onA.text.insert(0, 'from A. ');
    await waitFor(() => expect(onB.content()).toContain('from A.'));
    onB.text.insert(0, 'from B. ');
    await waitFor(() => expect(onA.content()).toContain('from B.'));
    expect(onA.content()).toBe(onB.content());
  });

  it('concurrent typing on both instances converges, and the store holds what clients show', async () => {
    // Compacting while both write is the PostgreSQL store's case (it merges the stored state):
    // SQLite's store has one writer per file (the instance lock), so here it does not compact.
    const { a, onA, onB } = await twoInstances({
      compactAfterUpdates: onPostgres ? 25 : 1_000_000,
    });
    for (let round = 0; round < 60; round++) {
      onA.text.insert(onA.text.length, `a${round} `);
      onB.text.insert(0, `b${round} `);
      if (round % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await waitFor(() => {
      expect(onA.content()).toContain('a59');
      expect(onA.content()).toContain('b59');
      expect(onB.content()).toBe(onA.content());
    }, 15_000);
    const doc = await waitFor(async () => {
      const loaded = await stored(a);
      expect(Y.encodeStateVector(loaded)).toEqual(Y.encodeStateVector(onA.doc));
      return loaded;
    });
    expect(Y.encodeStateAsUpdate(doc).length).toBeGreaterThan(0);
    const fromStore = new Y.Doc();
    Y.applyUpdate(fromStore, Y.encodeStateAsUpdate(doc));
    expect(fromStore.getXmlFragment('default').toString()).toBe(
      onA.doc.getXmlFragment('default').toString(),
    );
  });

  it('presence on one instance is seen by the clients of the other', async () => {
    const { onA, onB } = await twoInstances();
    onA.provider.awareness.setLocalStateField('cursor', null);
    await waitFor(() =>
      expect(onB.provider.awareness.getStates().has(onA.doc.clientID)).toBe(true),
    );
    const seen = onB.provider.awareness.getStates().get(onA.doc.clientID) as {
      user?: { name?: string };
    };
    // The name is the server's record of the person, stamped by the instance A connects to.
    expect(seen.user?.name).toBeTruthy();
  });

  it('an instance cut off from the relay catches up when it is back, from the store', async () => {
    const { hub, b, onA, onB } = await twoInstances();
    hub.cut('b');
    onA.text.insert(0, 'while B was away. ');
    // B's client cannot see it: B heard nothing.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(onB.content()).not.toContain('while B was away.');
    hub.reconnect('b');
    await waitFor(() => expect(onB.content()).toContain('while B was away.'));
    const resyncs = await b.metrics.registry
      .getSingleMetric('draftroom_relay_resyncs_total')
      ?.get();
    expect(resyncs?.values[0]?.value).toBeGreaterThan(0);
  });
});
