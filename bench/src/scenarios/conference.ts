import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import type { GuidesSetup, Person } from '../lib/people.ts';
import { ProtocolClient } from '../lib/protocolClient.ts';
import type { ServerUnderTest } from '../lib/processes.ts';
import { fetchMetrics } from '../lib/promMetrics.ts';
import { ProcessSampler } from '../lib/sampler.ts';
import { LatencyHistogram } from '../lib/stats.ts';
import { guideSeedClientId, guideText } from '@draftroom/server/testing';

/**
 * Scenario 2: a conference's breakout groups typing at once. G guides × C clients; every client
 * types about `editsPerSecond` small inserts and moves its caret (awareness) about
 * `awarenessPerSecond` times a second.
 *
 * The load generator is kept lean because it shares the machine's two cores with the server:
 * - each client writes into its own private Y.Doc (distinct clientID) and never applies what it
 *   receives; it appends its own 3-character edits to the guide's shared paragraph. Each edit only
 *   depends on the client's own previous edit, so every update is valid on the server, and the
 *   server's document grows as 20 interleaved runs of text, one per client;
 * - an edit is recognised on arrival by its clientID and clock range (`Y.parseUpdateMeta`,
 *   ~1.5 µs): edit k of a client covers clocks [3k, 3k+3), so no payload needs to be embedded;
 * - presence is recognised by (clientID, awareness clock) without parsing its JSON;
 * - latencies go into log-bucket histograms, not arrays.
 *
 * People: on Draftroom the organiser sets up one co-creation session with G groups, and one
 * invite link per group (C uses); each of the G × C people joins through their group's link
 * with their own profile and opens the guide with their own session cookie. Joining happens
 * before the ramp-up, outside everything measured. The server-copy check at the end is done by
 * the organiser, who may open every guide.
 */
export interface ConferenceOptions {
  guides: number;
  clientsPerGuide: number;
  editsPerSecond: number;
  awarenessPerSecond: number;
  /** Load before the measured window (its edits are still checked for loss). */
  warmupSeconds: number;
  /** The measured window. */
  durationSeconds: number;
  /** Connections opened at once while ramping up. */
  rampBatch: number;
  /** How long to wait for the last edits to arrive once typing stops. */
  drainSeconds: number;
  /** Soak: call `onSample` this often during the load. */
  sampleEverySeconds?: number;
  onSample?: (sample: IntervalSample) => Promise<void>;
  log?: (message: string) => void;
}

export interface IntervalSample {
  /** Seconds since the load started. */
  atSeconds: number;
  /** Edits delivered to every peer during this interval: p50/p99 of send → last peer. */
  editLatency: ReturnType<LatencyHistogram['summary']>;
  editsSent: number;
}

export interface ConferenceResult {
  connections: number;
  connected: number;
  editsSent: number;
  editsMeasured: number;
  awarenessSent: number;
  /** Send → every peer of the guide has it (what the issue calls fan-out latency). */
  editAllPeers: ReturnType<LatencyHistogram['summary']>;
  /** Send → one peer has it, over every (edit, peer) pair. */
  editDelivery: ReturnType<LatencyHistogram['summary']>;
  awareness: ReturnType<LatencyHistogram['summary']>;
  /** Awareness states received / expected (the server may coalesce, which is not a loss). */
  awarenessDeliveredRatio: number;
  serverCpuPercent: number;
  peakRssBytes: number;
  benchCpuPercent: number;
  benchLoopDelayP99Ms: number;
  /** CPU used by everything else on the machine during the window (a busy neighbour skews all). */
  otherCpuPercent: number;
  /** (edit, peer) pairs never delivered after the drain, and edits missing at ≥ 1 peer. */
  lostDeliveries: number;
  lostEdits: number;
  /** Edits missing from the server's own copy of the guide (checked by a fresh client). */
  serverMissingEdits: number;
  failures: {
    connectFailures: number;
    unexpectedCloses: number;
    socketErrors: number;
    undecodableFrames: number;
    misrouted: number;
    duplicates: number;
    /** Messages the server says it refused (Draftroom /metrics); null for the baseline. */
    serverRejected: number | null;
    /** Sends the bench could not make on time because its own event loop was late. */
    benchLateSends: number;
  };
  correct: boolean;
}

const editChars = 3;
const tickMs = 10;

interface Peer {
  index: number;
  guide: number;
  slot: number;
  clientId: number;
  client: ProtocolClient;
  text: Y.Text;
  lastUpdate: Uint8Array | null;
  connected: boolean;
  sent: number;
  sentAt: Float64Array;
  /** Peers that still have to receive each edit. */
  pending: Uint16Array;
  awarenessSentAt: Float64Array;
  awarenessSent: number;
  /** Bitset over (sender slot, edit index): what this peer has received. */
  received: Uint8Array;
  awarenessSeen: Uint32Array;
  nextEditAt: number;
  nextAwarenessAt: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runConference(
  server: ServerUnderTest,
  options: ConferenceOptions,
): Promise<ConferenceResult> {
  const log = options.log ?? (() => {});
  const { guides, clientsPerGuide: perGuide } = options;
  const loadSeconds = options.warmupSeconds + options.durationSeconds;
  const maxEdits = Math.ceil(loadSeconds * options.editsPerSecond * 1.5) + 16;
  const maxAwareness = Math.ceil(loadSeconds * options.awarenessPerSecond * 1.5) + 16;
  const rejectedBefore = await serverRejected(server);

  const setup = await server.setUpGuides(
    Array.from({ length: guides }, (_, guide) => `Breakout group ${guide + 1}`),
    perGuide,
    log,
  );
  const documentIds = setup.guides.map((guide) => guide.documentId);

  const peers: Peer[] = [];
  const byClientId = new Map<number, Peer>();
  let measureFrom = Number.POSITIVE_INFINITY;
  let measureTo = Number.POSITIVE_INFINITY;
  const isMeasured = (sentAt: number) => sentAt >= measureFrom && sentAt < measureTo;
  const allPeers = new LatencyHistogram();
  const delivery = new LatencyHistogram();
  const awarenessLatency = new LatencyHistogram();
  let intervalHistogram = new LatencyHistogram();
  let awarenessDelivered = 0;
  let awarenessExpected = 0;
  const failures = {
    connectFailures: 0,
    undecodableFrames: 0,
    misrouted: 0,
    duplicates: 0,
    benchLateSends: 0,
  };

  const onUpdate = (receiver: Peer, update: Uint8Array) => {
    const now = performance.now();
    let meta: { from: Map<number, number>; to: Map<number, number> };
    try {
      meta = Y.parseUpdateMeta(update);
    } catch {
      failures.undecodableFrames++;
      return;
    }
    for (const [clientId, fromClock] of meta.from) {
      const sender = byClientId.get(clientId);
      // The baseline echoes every update to its sender too; that is not a delivery. The shared
      // paragraph every peer writes into is nobody's edit.
      if (sender === receiver || clientId === guideSeedClientId) continue;
      if (!sender || sender.guide !== receiver.guide) {
        failures.misrouted++;
        continue;
      }
      const toClock = meta.to.get(clientId) ?? fromClock;
      const last = Math.min(Math.ceil(toClock / editChars), sender.sent);
      for (let edit = Math.floor(fromClock / editChars); edit < last; edit++) {
        const bit = sender.slot * maxEdits + edit;
        const mask = 1 << (bit & 7);
        const byte = bit >> 3;
        if (((receiver.received[byte] as number) & mask) !== 0) {
          failures.duplicates++;
          continue;
        }
        receiver.received[byte] = (receiver.received[byte] as number) | mask;
        const sentAt = sender.sentAt[edit] as number;
        const latency = now - sentAt;
        if (isMeasured(sentAt)) delivery.record(latency);
        const left = (sender.pending[edit] as number) - 1;
        sender.pending[edit] = left;
        if (left === 0) {
          intervalHistogram.record(latency);
          if (isMeasured(sentAt)) allPeers.record(latency);
        }
      }
    }
  };

  const onAwareness = (receiver: Peer, update: Uint8Array) => {
    const now = performance.now();
    try {
      const decoder = decoding.createDecoder(update);
      const count = decoding.readVarUint(decoder);
      for (let entry = 0; entry < count; entry++) {
        const clientId = decoding.readVarUint(decoder);
        const clock = decoding.readVarUint(decoder);
        decoding.readVarUint8Array(decoder); // the state's JSON: not needed, not parsed
        const sender = byClientId.get(clientId);
        if (!sender || sender === receiver || sender.guide !== receiver.guide) continue;
        if (clock <= (receiver.awarenessSeen[sender.slot] as number)) continue;
        receiver.awarenessSeen[sender.slot] = clock;
        const sentAt = sender.awarenessSentAt[clock] ?? 0;
        if (sentAt === 0) continue;
        awarenessDelivered++;
        if (isMeasured(sentAt)) awarenessLatency.record(now - sentAt);
      }
    } catch {
      failures.undecodableFrames++;
    }
  };

  // Ramp-up: connections are opened in batches and fully synced before the load starts, so
  // connecting is not part of what is measured.
  const createPeer = (guide: number, slot: number): Peer => {
    const index = peers.length;
    const clientId = index + 1;
    const person = setup.guides[guide]?.people[slot] as Person;
    const client = new ProtocolClient(server.documentUrl(documentIds[guide] as string), {
      applyUpdates: false,
      clientId,
      headers: person.headers,
    });
    const peer: Peer = {
      index,
      guide,
      slot,
      clientId,
      client,
      get text() {
        return guideText(client.doc);
      },
      lastUpdate: null,
      connected: false,
      sent: 0,
      sentAt: new Float64Array(maxEdits),
      pending: new Uint16Array(maxEdits),
      awarenessSentAt: new Float64Array(maxAwareness),
      awarenessSent: 0,
      received: new Uint8Array(Math.ceil((perGuide * maxEdits) / 8)),
      awarenessSeen: new Uint32Array(perGuide),
      nextEditAt: 0,
      nextAwarenessAt: 0,
    };
    // Everything since the last edit goes out together: the first edit also carries the shared
    // guide paragraph it is typed into.
    client.doc.on('update', (update: Uint8Array) => {
      peer.lastUpdate = peer.lastUpdate ? Y.mergeUpdates([peer.lastUpdate, update]) : update;
    });
    client.onRemoteUpdate = (update) => onUpdate(peer, update);
    client.onAwareness = (update) => onAwareness(peer, update);
    peers.push(peer);
    byClientId.set(clientId, peer);
    return peer;
  };

  // Ramp-up: connections are opened in batches and fully synced before the load starts, so
  // connecting is not part of what is measured.
  const sampler = new ProcessSampler(server);
  const total = guides * perGuide;
  for (let first = 0; first < total; first += options.rampBatch) {
    const batch: Peer[] = [];
    for (let position = first; position < Math.min(total, first + options.rampBatch); position++) {
      batch.push(createPeer(Math.floor(position / perGuide), position % perGuide));
    }
    const results = await Promise.allSettled(batch.map((peer) => peer.client.connect(30_000)));
    results.forEach((result, offset) => {
      if (result.status === 'fulfilled') (batch[offset] as Peer).connected = true;
      else failures.connectFailures++;
    });
  }
  const connectedPerGuide = new Array<number>(guides).fill(0);
  for (const peer of peers) {
    if (peer.connected) connectedPerGuide[peer.guide] = (connectedPerGuide[peer.guide] ?? 0) + 1;
  }
  log(`  ${peers.length - failures.connectFailures}/${peers.length} connected`);
  await sleep(500);

  const sendEdit = (peer: Peer, now: number) => {
    if (peer.sent >= maxEdits) return;
    const edit = peer.sent;
    peer.lastUpdate = null;
    peer.text.insert(peer.text.length, String.fromCharCode(97 + (edit % 26)).repeat(editChars));
    const update = peer.lastUpdate as Uint8Array | null;
    if (!update) return;
    peer.sentAt[edit] = now;
    peer.pending[edit] = (connectedPerGuide[peer.guide] as number) - 1;
    peer.sent++;
    peer.client.sendUpdate(update, false);
  };
  const sendPresence = (peer: Peer, now: number) => {
    const position = peer.sent * editChars;
    peer.client.sendAwareness({
      user: { name: `Participant ${peer.clientId}`, color: '#1d4ed8' },
      cursor: {
        anchor: { item: { client: peer.clientId, clock: position }, assoc: 0 },
        head: { item: { client: peer.clientId, clock: position }, assoc: 0 },
      },
    });
    const clock = peer.client.awareness.meta.get(peer.clientId)?.clock ?? 0;
    if (clock < peer.awarenessSentAt.length) peer.awarenessSentAt[clock] = now;
    peer.awarenessSent++;
    awarenessExpected += (connectedPerGuide[peer.guide] as number) - 1;
  };

  // The load: one scheduler loop (not a timer per client) sends what is due every few ms.
  const active = peers.filter((peer) => peer.connected);
  const editInterval = 1000 / options.editsPerSecond;
  const awarenessInterval = 1000 / options.awarenessPerSecond;
  const loadStart = performance.now();
  for (const peer of active) {
    peer.nextEditAt = loadStart + Math.random() * editInterval;
    peer.nextAwarenessAt = loadStart + Math.random() * awarenessInterval;
  }
  measureFrom = loadStart + options.warmupSeconds * 1000;
  measureTo = measureFrom + options.durationSeconds * 1000;
  const samplePeriod = (options.sampleEverySeconds ?? 0) * 1000;
  let nextSampleAt = samplePeriod > 0 ? loadStart + samplePeriod : Number.POSITIVE_INFINITY;
  let editsAtLastSample = 0;
  const samplePromises: Array<Promise<void>> = [];
  let windowStarted = false;
  const maxTicks = Math.ceil((loadSeconds * 1000) / tickMs) * 4 + 1000;
  for (let tick = 0; tick < maxTicks; tick++) {
    const now = performance.now();
    if (now >= measureTo) break;
    if (!windowStarted && now >= measureFrom) {
      windowStarted = true;
      sampler.markStart();
    }
    for (const peer of active) {
      if (peer.nextEditAt <= now) {
        // A client more than one interval late is the bench falling behind: it skips, counted,
        // rather than bursting edits that no person would type.
        if (now - peer.nextEditAt > editInterval) {
          failures.benchLateSends++;
          peer.nextEditAt = now;
        }
        sendEdit(peer, performance.now());
        peer.nextEditAt += editInterval * (0.9 + 0.2 * Math.random());
      }
      if (peer.nextAwarenessAt <= now) {
        if (now - peer.nextAwarenessAt > awarenessInterval) {
          failures.benchLateSends++;
          peer.nextAwarenessAt = now;
        }
        sendPresence(peer, performance.now());
        peer.nextAwarenessAt += awarenessInterval * (0.9 + 0.2 * Math.random());
      }
    }
    if (now >= nextSampleAt && options.onSample) {
      const editsSent = active.reduce((sum, peer) => sum + peer.sent, 0);
      samplePromises.push(
        options.onSample({
          atSeconds: (now - loadStart) / 1000,
          editLatency: intervalHistogram.summary(),
          editsSent: editsSent - editsAtLastSample,
        }),
      );
      editsAtLastSample = editsSent;
      intervalHistogram = new LatencyHistogram();
      nextSampleAt += samplePeriod;
    }
    await sleep(tickMs);
  }
  sampler.markEnd();
  await Promise.all(samplePromises);

  // Drain: typing has stopped; every peer must end up with every edit sent to its guide.
  const undelivered = () => {
    let pairs = 0;
    let edits = 0;
    for (const peer of active) {
      for (let edit = 0; edit < peer.sent; edit++) {
        const left = peer.pending[edit] as number;
        pairs += left;
        if (left > 0) edits++;
      }
    }
    return { pairs, edits };
  };
  const drainDeadline = performance.now() + options.drainSeconds * 1000;
  while (undelivered().pairs > 0 && performance.now() < drainDeadline) await sleep(50);
  const lost = undelivered();
  const serverMissingEdits = await verifyServerCopies(server, setup, peers);
  const rejectedAfter = await serverRejected(server);
  sampler.sample();
  const usage = sampler.result();
  sampler.stop();

  const unexpectedCloses = peers.filter((peer) => peer.connected && peer.client.failed).length;
  const socketErrors = peers.reduce((sum, peer) => sum + peer.client.errors, 0);
  for (let start = 0; start < peers.length; start += 200) {
    await Promise.allSettled(peers.slice(start, start + 200).map((peer) => peer.client.close()));
  }

  const editsSent = active.reduce((sum, peer) => sum + peer.sent, 0);
  let editsMeasured = 0;
  for (const peer of active) {
    for (let edit = 0; edit < peer.sent; edit++) {
      if (isMeasured(peer.sentAt[edit] as number)) editsMeasured++;
    }
  }
  const result: ConferenceResult = {
    connections: peers.length,
    connected: active.length,
    editsSent,
    editsMeasured,
    awarenessSent: active.reduce((sum, peer) => sum + peer.awarenessSent, 0),
    editAllPeers: allPeers.summary(),
    editDelivery: delivery.summary(),
    awareness: awarenessLatency.summary(),
    awarenessDeliveredRatio: awarenessExpected === 0 ? 1 : awarenessDelivered / awarenessExpected,
    serverCpuPercent: usage.serverCpuPercent,
    peakRssBytes: usage.peakRssBytes,
    benchCpuPercent: usage.benchCpuPercent,
    benchLoopDelayP99Ms: usage.benchLoopDelayP99Ms,
    otherCpuPercent: usage.otherCpuPercent,
    lostDeliveries: lost.pairs,
    lostEdits: lost.edits,
    serverMissingEdits,
    failures: {
      ...failures,
      unexpectedCloses,
      socketErrors,
      serverRejected:
        rejectedBefore === null || rejectedAfter === null ? null : rejectedAfter - rejectedBefore,
    },
    correct: false,
  };
  result.correct =
    result.connected === result.connections &&
    result.lostDeliveries === 0 &&
    result.serverMissingEdits === 0 &&
    unexpectedCloses === 0 &&
    failures.misrouted === 0 &&
    failures.undecodableFrames === 0 &&
    editsSent > 0;
  return result;
}

/**
 * A fresh client per guide syncs the server's copy and checks it holds every edit each writer
 * sent (its state vector must reach 3 × edits for every writer). On Draftroom it is the
 * organiser's: a fresh connection, not one of the group's, and one that may open every guide.
 */
async function verifyServerCopies(
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
        const verifier = new ProtocolClient(server.documentUrl(documentId), {
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

async function serverRejected(server: ServerUnderTest): Promise<number | null> {
  if (server.name !== 'draftroom') return null;
  try {
    const value = (await fetchMetrics(server.url)).value('draftroom_messages_rejected_total');
    return Number.isNaN(value) ? 0 : value;
  } catch {
    return null;
  }
}
