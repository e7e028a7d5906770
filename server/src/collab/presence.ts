import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { colorAmong, limits, presenceStateSchema } from '@draftroom/shared';
import type { Logger } from '../lib/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { CollabConnection } from './connection.ts';
import { encodeAwarenessMessage, readAwarenessEntries, type AwarenessEntry } from './protocol.ts';

/** Presence broadcasts per room are at least this far apart (caret moves are not edits). */
const broadcastIntervalMs = 50;
const applyIntervalMs = 1000 / limits.maxPresenceUpdatesPerSecond;
/** Origin of presence another instance relayed (not relayed back out). */
const relayed = Symbol('relayed presence');

/**
 * Who is in a guide and where their carets are (y-protocols awareness), owned and bounded:
 * - a connection speaks for exactly one awareness client id: the one its first presence message
 *   names alone (y-websocket sends its own state first, on open). Entries for other ids are
 *   dropped: honest clients echo everyone's presence back, and only the owner's copy counts, so
 *   nobody can change or remove another person's presence. Another connection may take an id
 *   over only for the same person (a reconnecting tab);
 * - a state must fit `presenceStateSchema` and `limits.maxPresenceBytes`, and the name and
 *   colour others see are the server's record of the signed-in person, never the client's;
 * - each connection's changes are applied at most `maxPresenceUpdatesPerSecond` (the latest
 *   wins), and the room's changes go out as one frame at most every 50 ms.
 * A state of another shape is dropped (counted), never applied; nothing here throws.
 */
export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly owners = new Map<number, CollabConnection>();
  private readonly pending = new Map<
    CollabConnection,
    { entry: AwarenessEntry; timer: NodeJS.Timeout }
  >();
  private readonly lastApplied = new WeakMap<CollabConnection, number>();
  private readonly changed = new Set<number>();
  /** Changed by this instance's connections since the last flush: what the relay carries. */
  private readonly changedHere = new Set<number>();
  /**
   * Each person's colour in this room, kept while the room lives (all their devices share it).
   * `shared`: given when every colour was taken, so someone present already had it; that person
   * keeps it when their presence is renewed, rather than being moved off it by the newcomer.
   */
  private readonly colours = new Map<string, { colour: string; shared: boolean }>();
  private flushScheduled = false;
  private lastFlush = 0;
  private active = true;

  constructor(
    private readonly connections: ReadonlySet<CollabConnection>,
    private readonly metrics: Metrics,
    private readonly log: Logger,
    /** Hands this instance's presence changes to the other instances (`RoomRelay`). */
    private readonly relayOut: (awarenessUpdate: Uint8Array) => void = () => {},
  ) {
    // Awareness needs a Y.Doc only for a client id of its own and a destroy hook: a private one
    // keeps presence independent of the guide's doc (which a repair may replace).
    this.awareness = new awarenessProtocol.Awareness(new Y.Doc());
    // The server speaks for nobody: it relays others' presence and publishes none of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.collectChange);
  }

  /** Applies (now or shortly) this connection's own entry, if it has the shape a guide uses. */
  receive(connection: CollabConnection, entries: readonly AwarenessEntry[]): void {
    const [only] = entries;
    if (connection.presenceClientId === null && entries.length === 1 && only) {
      this.claim(connection, only.clientId);
    }
    const own = entries.find((entry) => entry.clientId === connection.presenceClientId);
    if (entries.length > (own ? 1 : 0)) {
      this.metrics.presenceIgnored.inc(entries.length - (own ? 1 : 0));
    }
    if (!own) return;
    if (own.state !== null) {
      const parsed = presenceStateSchema.safeParse(own.state);
      if (!parsed.success) {
        // Dropped, not fatal: presence is decoration, and an editor upgrade that adds a field
        // must not lock its users out of the text. Only this connection's presence is lost.
        this.metrics.rejectedMessages.inc({ reason: 'invalid_presence' });
        this.log.debug(
          { category: 'collab', path: parsed.error.issues[0]?.path.join('.') },
          'presence state dropped: not the shape a guide uses',
        );
        return;
      }
    }
    const waiting = this.pending.get(connection);
    if (waiting) {
      waiting.entry = own; // the latest state wins
      return;
    }
    const wait =
      (this.lastApplied.get(connection) ?? -Infinity) + applyIntervalMs - performance.now();
    if (wait <= 0 || own.state === null) {
      this.apply(connection, own);
      return;
    }
    this.metrics.presenceCoalesced.inc();
    const timer = setTimeout(() => {
      const latest = this.pending.get(connection);
      this.pending.delete(connection);
      if (latest && !connection.closed) this.apply(connection, latest.entry);
    }, wait);
    timer.unref();
    this.pending.set(connection, { entry: own, timer });
  }

  /**
   * Presence from another instance's connections, owned and checked there. Still checked here
   * (another instance may run another version, or a stranger may write to the stream): each
   * entry must have a guide's presence shape, and none may touch a client one of this
   * instance's connections owns. The awareness drops states not renewed for 30 s, so the people
   * of an instance that died leave everyone's list within that.
   */
  receiveRelayed(awarenessUpdate: Uint8Array): void {
    let entries: AwarenessEntry[];
    try {
      entries = readAwarenessEntries(awarenessUpdate);
    } catch {
      this.metrics.relayedPresenceDropped.inc();
      return;
    }
    const fit = entries.filter(
      (entry) =>
        !this.owners.has(entry.clientId) &&
        (entry.state === null || presenceStateSchema.safeParse(entry.state).success),
    );
    if (fit.length < entries.length)
      this.metrics.relayedPresenceDropped.inc(entries.length - fit.length);
    if (fit.length === 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, fit.length);
    for (const entry of fit) {
      encoding.writeVarUint(encoder, entry.clientId);
      encoding.writeVarUint(encoder, entry.clock);
      encoding.writeVarString(encoder, JSON.stringify(entry.state));
    }
    try {
      awarenessProtocol.applyAwarenessUpdate(
        this.awareness,
        encoding.toUint8Array(encoder),
        relayed,
      );
    } catch (error) {
      this.log.error({ category: 'relay', err: error }, 'relayed presence failed to apply');
    }
  }

  /** The presence of everyone here, for a newcomer; null when nobody has any. */
  everyoneFrame(): Uint8Array | null {
    const clientIds = [...this.awareness.getStates().keys()];
    return clientIds.length > 0 ? encodeAwarenessMessage(this.awareness, clientIds) : null;
  }

  /** A connection left: its presence goes, and everyone is told. */
  remove(connection: CollabConnection): void {
    const waiting = this.pending.get(connection);
    if (waiting) clearTimeout(waiting.timer);
    this.pending.delete(connection);
    const clientId = connection.presenceClientId;
    if (clientId === null || this.owners.get(clientId) !== connection) return;
    this.owners.delete(clientId);
    awarenessProtocol.removeAwarenessStates(this.awareness, [clientId], 'disconnect');
  }

  destroy(): void {
    this.active = false;
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.awareness.destroy();
    this.awareness.doc.destroy();
  }

  private claim(connection: CollabConnection, clientId: number): void {
    const owner = this.owners.get(clientId);
    if (owner && owner !== connection && !owner.closed) {
      // Someone else's live presence is not up for grabs; the entry is then simply not ours.
      if (owner.signIn.personId !== connection.signIn.personId) return;
      owner.presenceClientId = null; // the same person's new tab takes over
    }
    this.owners.set(clientId, connection);
    connection.presenceClientId = clientId;
  }

  private apply(connection: CollabConnection, entry: AwarenessEntry): void {
    this.lastApplied.set(connection, performance.now());
    const state =
      entry.state === null
        ? null
        : {
            ...(entry.state as Record<string, unknown>),
            user: { ...connection.presenceUser, color: this.colourFor(connection) },
          };
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
    try {
      awarenessProtocol.applyAwarenessUpdate(
        this.awareness,
        encoding.toUint8Array(encoder),
        connection,
      );
    } catch (error) {
      // Checked above, so this would be a bug of ours; it must still not end anyone else's day.
      this.log.error({ category: 'collab', err: error }, 'presence failed to apply');
    }
  }

  /**
   * The person's colour here: the one they had, unless someone present now holds it in their own
   * right (not shared); else their own or the first free one (`colorAmong`), so people in one
   * guide do not share colours while there are colours enough.
   */
  private colourFor(connection: CollabConnection): string {
    const { personId } = connection.signIn;
    const kept = this.colours.get(personId);
    const taken = new Set<string>();
    let keptIsHeld = false;
    for (const owner of this.owners.values()) {
      if (owner.signIn.personId === personId || owner.closed) continue;
      const other = this.colours.get(owner.signIn.personId);
      if (!other) continue;
      taken.add(other.colour);
      if (kept && other.colour === kept.colour && !other.shared) keptIsHeld = true;
    }
    if (kept && !keptIsHeld) return kept.colour;
    const colour = colorAmong(connection.presenceUser.color, taken);
    this.colours.set(personId, { colour, shared: taken.has(colour) });
    return colour;
  }

  private readonly collectChange = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    // A connection's own change, or its leaving: the other instances hear of it. Expiry
    // ('timeout') happens on every instance by itself; what they relayed is theirs.
    const here = origin !== relayed && origin !== 'timeout';
    for (const id of [...change.added, ...change.updated, ...change.removed]) {
      this.changed.add(id);
      if (here) this.changedHere.add(id);
    }
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const wait = this.lastFlush + broadcastIntervalMs - performance.now();
    if (wait <= 0) setImmediate(this.flush);
    else setTimeout(this.flush, wait).unref();
  };

  private readonly flush = (): void => {
    this.flushScheduled = false;
    if (!this.active || this.changed.size === 0) return;
    this.lastFlush = performance.now();
    try {
      const frame = encodeAwarenessMessage(this.awareness, [...this.changed]);
      for (const connection of this.connections) connection.send(frame);
      if (this.changedHere.size > 0) {
        this.relayOut(
          awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.changedHere]),
        );
      }
    } catch (error) {
      this.log.error({ category: 'collab', err: error }, 'presence broadcast failed');
    } finally {
      this.changed.clear();
      this.changedHere.clear();
    }
  };
}
