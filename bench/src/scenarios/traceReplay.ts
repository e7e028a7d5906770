import * as Y from 'yjs';
import type { BenchClient } from '../lib/benchClient.ts';
import type { GuideSetup, Person } from '../lib/people.ts';
import type { ServerUnderTest } from '../lib/processes.ts';
import { percentile } from '../lib/stats.ts';
import { concurrentUpdates, loadTrace, sequentialUpdates, type Trace } from '../lib/traces.ts';
import { readGuideText } from '@draftroom/server/testing';

export interface ReplayResult {
  documentId: string;
  updates: number;
  updatesPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Server CPU over the timed replay, in percent of one core. */
  serverCpuPercent: number;
  correct: boolean;
}

/** How many updates the writer keeps in flight: enough to fill the pipe, few enough that
 * latency still means "time to reach a peer", not "time spent in a queue we built". */
const window = Number(process.env.REPLAY_WINDOW ?? 64);

/**
 * Scenario 1: one writer replays a sequential trace, one Yjs update per edit, through the server;
 * an observer must end with exactly the trace's final text. A server may relay several updates
 * in one frame (Draftroom sends one frame per group commit), so an update counts as received
 * once the observer holds the writer's clock and deletions it produced (see ReceiptTracker).
 *
 * `guide` is a guide set up beforehand whose first two people are the writer and the observer;
 * without it, a guide of two is set up here (people join before timing starts).
 */
export async function replaySequential(
  server: ServerUnderTest,
  trace: Trace,
  updates: Uint8Array[],
  guide?: GuideSetup,
): Promise<ReplayResult> {
  guide ??= (await server.setUpGuides(['Trace replay'], 2)).guides[0] as GuideSetup;
  const { documentId } = guide;
  const [writerPerson, observerPerson] = guide.people as [Person, Person];
  const writer = server.client(documentId, {
    applyUpdates: false,
    headers: writerPerson.headers,
  });
  const observer = server.client(documentId, {
    applyUpdates: false,
    headers: observerPerson.headers,
  });
  await Promise.all([writer.connect(), observer.connect()]);

  const count = updates.length;
  const sentAt = new Float64Array(count);
  const latencies = new Float64Array(count);
  const receivedUpdates: Uint8Array[] = [];
  const receipts = new ReceiptTracker(updates);
  let sent = 0;
  const cpuBefore = server.cpuSeconds();
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    // Fails fast and says why: a peer closed by the server, or no progress for a minute.
    let progressAt = Date.now();
    let progressed = 0;
    const watchdog = setInterval(() => {
      if (writer.failed || observer.failed) {
        clearInterval(watchdog);
        const which = writer.failed ? 'writer' : 'observer';
        const code = (writer.failed ? writer : observer).closeCode;
        reject(
          new Error(`replay: the ${which} was closed (${code}) at ${receipts.received}/${count}`),
        );
      } else if (receipts.received !== progressed) {
        progressed = receipts.received;
        progressAt = Date.now();
      } else if (Date.now() - progressAt > 60_000) {
        clearInterval(watchdog);
        reject(new Error(`replay stalled at ${receipts.received}/${count} (sent ${sent})`));
      }
    }, 250);
    const pump = () => {
      while (sent < count && sent - receipts.received < window) {
        sentAt[sent] = performance.now();
        writer.sendUpdate(updates[sent] as Uint8Array, false);
        sent++;
      }
    };
    observer.onRemoteUpdate = (update) => {
      const now = performance.now();
      receivedUpdates.push(update);
      const before = receipts.received;
      receipts.observe(update);
      for (let index = before; index < receipts.received; index++) {
        latencies[index] = now - (sentAt[index] as number);
      }
      if (receipts.received === count) {
        clearInterval(watchdog);
        resolve();
      } else pump();
    };
    pump();
  });
  const elapsedSeconds = (performance.now() - started) / 1000;
  const serverCpuPercent = (100 * (server.cpuSeconds() - cpuBefore)) / elapsedSeconds;
  await Promise.all([writer.close(), observer.close()]);

  // Verification is not timed: the observer's copy must be exactly the trace's final text.
  const check = new Y.Doc();
  for (const update of receivedUpdates) Y.applyUpdate(check, update);
  const lat = Array.from(latencies);
  return {
    documentId,
    updates: count,
    updatesPerSecond: count / elapsedSeconds,
    serverCpuPercent,
    latencyP50Ms: percentile(lat, 50),
    latencyP99Ms: percentile(lat, 99),
    correct: readGuideText(check) === trace.endContent,
  };
}

/** The in-process floor: the same updates applied to a Y.Doc with no network or storage. */
export function inProcessFloor(
  trace: Trace,
  updates: Uint8Array[],
): { updatesPerSecond: number; correct: boolean } {
  const doc = new Y.Doc();
  const started = performance.now();
  for (const update of updates) Y.applyUpdate(doc, update);
  const seconds = (performance.now() - started) / 1000;
  return {
    updatesPerSecond: updates.length / seconds,
    correct: readGuideText(doc) === trace.endContent,
  };
}

export interface ConcurrentResult {
  agents: number;
  updates: number;
  seconds: number;
  allClientsCorrect: boolean;
}

/** Concurrent traces: one client per agent sends its own updates; every client must converge. */
export async function replayConcurrent(
  server: ServerUnderTest,
  traceName: string,
): Promise<ConcurrentResult> {
  const trace = loadTrace(traceName);
  const tagged = concurrentUpdates(trace);
  const agents = 1 + Math.max(...tagged.map((entry) => entry.agent));
  // One person per agent, each joined with the guide's invite link before timing starts.
  const [guide] = (await server.setUpGuides([traceName], agents)).guides as [GuideSetup];
  const clients = guide.people.map((person) =>
    server.client(guide.documentId, { headers: person.headers }),
  );
  await Promise.all(clients.map((client) => client.connect()));

  const started = performance.now();
  for (const [index, { agent, update }] of tagged.entries()) {
    (clients[agent] as BenchClient).sendUpdate(update);
    // Yield now and then so the clients also read what the server relays.
    if (index % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
  }
  const deadline = Date.now() + 120_000;
  const converged = () => clients.every((client) => readGuideText(client.doc) === trace.endContent);
  while (!converged() && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  const seconds = (performance.now() - started) / 1000;
  const allClientsCorrect = converged();
  await Promise.all(clients.map((client) => client.close()));
  return { agents, updates: tagged.length, seconds, allClientsCorrect };
}

export function prepareSequential(traceName: string, limit?: number) {
  const trace = loadTrace(traceName);
  const updates = sequentialUpdates(trace, limit);
  // A shortened trace ends where its prefix ends.
  const endContent = limit === undefined ? trace.endContent : replayText(updates);
  return { trace: { ...trace, endContent }, updates };
}

function replayText(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return readGuideText(doc);
}

/**
 * Knows, for a single writer's updates, how far the observer has got: update i has arrived once
 * the observer has seen the writer's clock reach the end of update i and as many deleted items
 * as updates 0..i deleted. Both only grow, so one pointer walks forward. Works whether the server
 * relays updates one by one or merges several into one frame.
 */
export class ReceiptTracker {
  received = 0;
  private clockSeen = 0;
  private deletionsSeen = 0;
  private readonly endClock: Uint32Array;
  private readonly deletionsThrough: Uint32Array;

  constructor(updates: readonly Uint8Array[]) {
    this.endClock = new Uint32Array(updates.length);
    this.deletionsThrough = new Uint32Array(updates.length);
    let clock = 0;
    let deletions = 0;
    updates.forEach((update, index) => {
      const { clock: end, deletions: deleted } = measure(update);
      clock = Math.max(clock, end);
      deletions += deleted;
      this.endClock[index] = clock;
      this.deletionsThrough[index] = deletions;
    });
  }

  observe(update: Uint8Array): void {
    const { clock, deletions } = measure(update);
    this.clockSeen = Math.max(this.clockSeen, clock);
    this.deletionsSeen += deletions;
    while (
      this.received < this.endClock.length &&
      (this.endClock[this.received] as number) <= this.clockSeen &&
      (this.deletionsThrough[this.received] as number) <= this.deletionsSeen
    ) {
      this.received++;
    }
  }
}

/** The highest clock an update reaches (over all clients) and how many items it deletes. */
function measure(update: Uint8Array): { clock: number; deletions: number } {
  const decoded = Y.decodeUpdate(update);
  let clock = 0;
  for (const struct of decoded.structs) clock = Math.max(clock, struct.id.clock + struct.length);
  let deletions = 0;
  for (const ranges of decoded.ds.clients.values()) {
    for (const range of ranges) deletions += range.len;
  }
  return { clock, deletions };
}
