import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import type { GuideSetup, Person } from '../lib/people.ts';
import type { BenchClient } from '../lib/benchClient.ts';
import type { ServerUnderTest } from '../lib/processes.ts';
import { ProcessSampler } from '../lib/sampler.ts';
import { percentile } from '../lib/stats.ts';
import { readGuideText } from '@draftroom/server/testing';

/**
 * Scenario 4: N clients open one guide at the same moment (a session starts and everyone
 * clicks the link). The guide is seeded first with a prefix of a real trace, sent as merged
 * chunks so seeding takes a second, not minutes; a writer and an observer stay connected, so
 * the document is loaded when the storm hits, as it would be mid-session.
 *
 * On Draftroom the guide is one group of N + 2 people (writer, observer, and everyone in the
 * storm), set up by the organiser; each of them joins with the group's invite link before the
 * guide is seeded, so the storm is N signed-in people opening their sockets at once (the server
 * still checks every socket's cookie on upgrade: that is part of connecting, and is timed).
 */
export interface JoinStormOptions {
  clients: number;
  /** The guide's content: merged updates, applied in order. */
  seed: Uint8Array[];
  expectedText: string;
  log?: (message: string) => void;
}

export interface JoinStormResult {
  clients: number;
  synced: number;
  guideBytes: number;
  /** Storm start → the last client synced. */
  allSyncedMs: number;
  /** Per client: its socket opened → its sync step 2 received. */
  p50Ms: number;
  p99Ms: number;
  serverCpuSeconds: number;
  peakRssBytes: number;
  correct: boolean;
  problems: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runJoinStorm(
  server: ServerUnderTest,
  options: JoinStormOptions,
): Promise<JoinStormResult> {
  const [guide] = (await server.setUpGuides(['Join storm'], options.clients + 2, options.log))
    .guides as [GuideSetup];
  const [writerPerson, observerPerson, ...stormPeople] = guide.people as [
    Person,
    Person,
    ...Person[],
  ];
  const writer = server.client(guide.documentId, {
    applyUpdates: false,
    headers: writerPerson.headers,
  });
  const observer = server.client(guide.documentId, { headers: observerPerson.headers });
  const peers: Peers = { writer, observer, joined: [] };
  try {
    return await storm(server, guide, stormPeople, peers, options);
  } finally {
    // Every peer goes, however the storm ended: one left open would outlive its server.
    await Promise.allSettled(
      [writer, observer, ...peers.joined.map((entry) => entry.client)].map((c) => c.close()),
    );
  }
}

interface Peers {
  writer: BenchClient;
  observer: BenchClient;
  /** Everyone in the storm, with when each synced (NaN if it did not). */
  joined: Array<{ client: BenchClient; done: Promise<number> }>;
}

async function storm(
  server: ServerUnderTest,
  guide: GuideSetup,
  stormPeople: Person[],
  { writer, observer, joined }: Peers,
  options: JoinStormOptions,
): Promise<JoinStormResult> {
  const problems: string[] = [];
  await Promise.all([writer.connect(), observer.connect()]);
  for (const chunk of options.seed) writer.sendUpdate(chunk, false);
  const seedDeadline = Date.now() + 60_000;
  while (
    readGuideText(observer.doc).length !== options.expectedText.length &&
    Date.now() < seedDeadline
  )
    await sleep(20);
  if (readGuideText(observer.doc) !== options.expectedText)
    problems.push('seeding did not complete');
  const guideBytes = Y.encodeStateAsUpdate(observer.doc).length;

  const sampler = new ProcessSampler(server, 250);
  const stormStart = performance.now();
  for (const person of stormPeople) {
    const startedAt = performance.now();
    const client = server.client(guide.documentId, {
      applyUpdates: false,
      headers: person.headers,
    });
    const done = client.connect(60_000).then(
      () => performance.now() - startedAt,
      () => Number.NaN,
    );
    joined.push({ client, done });
  }
  const times = await Promise.all(joined.map((entry) => entry.done));
  const allSyncedMs = performance.now() - stormStart;
  sampler.markEnd();
  const usage = sampler.result();
  sampler.stop();

  const syncedTimes = times.filter((ms) => !Number.isNaN(ms));
  if (syncedTimes.length < options.clients) {
    problems.push(`${options.clients - syncedTimes.length} clients did not sync`);
  }
  // Untimed check: every distinct sync payload must carry the whole text.
  const checked = new Map<string, boolean>();
  for (const { client } of joined) {
    if (!client.syncPayload) continue;
    const key = createHash('sha1').update(client.syncPayload).digest('hex');
    if (!checked.has(key)) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, client.syncPayload);
      checked.set(key, readGuideText(doc) === options.expectedText);
    }
    if (!checked.get(key)) {
      problems.push('a joining client did not get the whole guide');
      break;
    }
  }
  return {
    clients: options.clients,
    synced: syncedTimes.length,
    guideBytes,
    allSyncedMs,
    p50Ms: percentile(syncedTimes, 50),
    p99Ms: percentile(syncedTimes, 99),
    serverCpuSeconds: usage.serverCpuSeconds,
    peakRssBytes: usage.peakRssBytes,
    correct: problems.length === 0,
    problems,
  };
}

/**
 * The shortest prefix of `updates` whose encoded state reaches `targetBytes`, merged into chunks
 * of `chunkSize` updates (fewer, larger messages; the same document).
 */
export function seedOfSize(updates: Uint8Array[], targetBytes: number, chunkSize = 1000) {
  const doc = new Y.Doc();
  let length = updates.length;
  for (let index = 0; index < updates.length; index++) {
    Y.applyUpdate(doc, updates[index] as Uint8Array);
    if (index % 500 === 499 && Y.encodeStateAsUpdate(doc).length >= targetBytes) {
      length = index + 1;
      break;
    }
  }
  const chunks: Uint8Array[] = [];
  for (let start = 0; start < length; start += chunkSize) {
    chunks.push(Y.mergeUpdates(updates.slice(start, Math.min(length, start + chunkSize))));
  }
  return { chunks, updates: length, expectedText: readGuideText(doc) };
}
