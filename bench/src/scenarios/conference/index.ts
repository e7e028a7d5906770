import type { ServerUnderTest } from '../../lib/processes.ts';
import { ProcessSampler } from '../../lib/sampler.ts';
import { drain, rampUp, typeAndMove } from './load.ts';
import { Deliveries } from './peers.ts';
import type { ConferenceOptions, ConferenceResult } from './types.ts';
import { serverRejected, verifyServerCopies } from './verify.ts';

export type { ConferenceOptions, ConferenceResult, IntervalSample } from './types.ts';

/**
 * Scenario 2: a conference's breakout groups typing at once. G guides × C clients; every client
 * types about `editsPerSecond` small inserts and moves its caret (awareness) about
 * `awarenessPerSecond` times a second.
 *
 * The load generator is kept lean because it shares the machine's two cores with the server:
 * - each client writes into its own private Y.Doc (distinct clientID) and, on Draftroom and the
 *   baseline, never applies what it receives (Hocuspocus' provider always applies it to its own
 *   doc, a cost on the load generator that the other two do not have); it appends its own
 *   3-character edits to the guide's shared paragraph. Each edit only
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
export async function runConference(
  server: ServerUnderTest,
  options: ConferenceOptions,
): Promise<ConferenceResult> {
  const log = options.log ?? (() => {});
  const loadSeconds = options.warmupSeconds + options.durationSeconds;
  const maxEdits = Math.ceil(loadSeconds * options.editsPerSecond * 1.5) + 16;
  const maxAwareness = Math.ceil(loadSeconds * options.awarenessPerSecond * 1.5) + 16;
  const rejectedBefore = await serverRejected(server);

  // Set-up: guides and people (on Draftroom, joined through invite links), then connections.
  const setup = await server.setUpGuides(
    Array.from({ length: options.guides }, (_, guide) => `Breakout group ${guide + 1}`),
    options.clientsPerGuide,
    log,
  );
  const deliveries = new Deliveries(server, setup, options.clientsPerGuide, maxEdits, maxAwareness);
  const sampler = new ProcessSampler(server);
  const { active, connectedPerGuide } = await rampUp(deliveries, options);
  const { peers, failures } = deliveries;
  log(`  ${peers.length - failures.connectFailures}/${peers.length} connected`);

  // Load (with whatever runs alongside it), then drain.
  const stopAlongside = await options.alongside?.(setup);
  await typeAndMove(deliveries, active, connectedPerGuide, sampler, options, maxEdits);
  await stopAlongside?.();
  const lost = await drain(deliveries, active, options.drainSeconds);

  // Report: what the server kept, what it refused, what every peer received.
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
      if (deliveries.isMeasured(peer.sentAt[edit] as number)) editsMeasured++;
    }
  }
  const result: ConferenceResult = {
    connections: peers.length,
    connected: active.length,
    editsSent,
    editsMeasured,
    awarenessSent: active.reduce((sum, peer) => sum + peer.awarenessSent, 0),
    editAllPeers: deliveries.allPeers.summary(),
    editDelivery: deliveries.delivery.summary(),
    awareness: deliveries.awarenessLatency.summary(),
    awarenessDeliveredRatio:
      deliveries.awarenessExpected === 0
        ? 1
        : deliveries.awarenessDelivered / deliveries.awarenessExpected,
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
