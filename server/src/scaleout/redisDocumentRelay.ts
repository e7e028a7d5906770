import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { limits } from '@draftroom/shared';
import type {
  DocumentRelay,
  DocumentRelayListener,
  RelayedUpdate,
} from '../collab/relay/documentRelay.ts';
import type { Logger } from '../lib/logger.ts';
import type { RedisMetrics } from '../observability/metrics.ts';
import type { RedisLink } from './redisLink.ts';
import type { StreamEntry } from './streamIds.ts';
import type { StreamReader } from './streamReader.ts';

export interface RedisDocumentRelayOptions {
  link: RedisLink;
  reader: StreamReader;
  /** Key prefix (`draftroom:`): a guide's stream is `<prefix>doc:<guideId>`. */
  prefix: string;
  /** Entries each guide's stream keeps (`XADD … MAXLEN ~`); a reader further behind resyncs. */
  maxLength?: number;
  metrics: RedisMetrics;
  log: Logger;
}

/**
 * One entry: `o` the instance that wrote it, `k` its kind, `p` its bytes (binary-safe: Redis
 * strings are bytes, sent and read as Buffers). `updates`: a batch the origin stored, encoded
 * as a count then (seq, update) pairs; `presence`: one awareness update; `resync`: the origin
 * dropped entries of this guide while it had lost Redis, so its readers reload.
 */
type Kind = 'updates' | 'presence' | 'resync';

/**
 * A batch is split into entries of about this many bytes (one update is at most a message, the
 * room's own limit), so an entry read is bounded: `maxPayloadBytes` is refused as junk.
 */
const entryTargetBytes = 2 * limits.maxMessageBytes;
const maxPayloadBytes = 2 * entryTargetBytes;
const maxUpdatesPerEntry = 100_000;

/**
 * The DocumentRelay on Redis streams: a stream per guide, read by the shared StreamReader from
 * the moment `subscribe` resolves; what the reader may have missed becomes the listener's
 * `resync()` (reload from the store; Yjs merges). Own entries are skipped. Publishing never
 * throws or waits: while Redis is down entries are dropped and counted, and once it is back a
 * `resync` entry tells the guide's other instances to reload.
 */
export class RedisDocumentRelay implements DocumentRelay {
  private readonly maxLength: number;
  /** Guides whose entries were dropped while Redis was down (told to resync once it is back). */
  private readonly dropped = new Set<string>();
  private readonly unsubscribes = new Set<() => void>();
  private readonly stopWatching: () => void;

  constructor(private readonly options: RedisDocumentRelayOptions) {
    this.maxLength = options.maxLength ?? 1_000;
    this.stopWatching = options.link.onChange((up) => {
      if (!up) return;
      const guides = [...this.dropped];
      this.dropped.clear();
      for (const guideId of guides) this.write(guideId, 'resync', Buffer.alloc(0));
    });
  }

  async subscribe(documentId: string, listener: DocumentRelayListener): Promise<() => void> {
    const stop = await this.options.reader.follow(this.key(documentId), {
      entries: (entries) => this.received(entries, listener),
      gap: () => {
        this.options.metrics.gaps.inc({ stream: 'documents' });
        listener.resync();
      },
      unreadable: (count) => this.options.metrics.malformed.inc({ stream: 'documents' }, count),
    });
    const unsubscribe = () => {
      this.unsubscribes.delete(unsubscribe);
      stop();
    };
    this.unsubscribes.add(unsubscribe);
    return unsubscribe;
  }

  publishUpdates(documentId: string, entries: readonly RelayedUpdate[]): void {
    let chunk: RelayedUpdate[] = [];
    let bytes = 0;
    for (const entry of entries) {
      if (chunk.length > 0 && bytes + entry.update.length > entryTargetBytes) {
        this.write(documentId, 'updates', encodeUpdates(chunk));
        chunk = [];
        bytes = 0;
      }
      chunk.push(entry);
      bytes += entry.update.length;
    }
    if (chunk.length > 0) this.write(documentId, 'updates', encodeUpdates(chunk));
  }

  publishPresence(documentId: string, awarenessUpdate: Uint8Array): void {
    this.write(documentId, 'presence', Buffer.from(awarenessUpdate));
  }

  async close(): Promise<void> {
    this.stopWatching();
    for (const unsubscribe of [...this.unsubscribes]) unsubscribe();
  }

  private key(documentId: string): string {
    return `${this.options.prefix}doc:${documentId}`;
  }

  private write(documentId: string, kind: Kind, payload: Buffer): void {
    const dropped = () => {
      // Presence is a state, sent again on its next change: only lost edits need a resync.
      if (kind !== 'presence') this.dropped.add(documentId);
      this.options.metrics.dropped.inc({ stream: 'documents' });
    };
    if (!this.options.link.up) return dropped();
    const { instanceId } = this.options.link;
    this.options.link.command
      .sendCommand([
        'XADD',
        this.key(documentId),
        'MAXLEN',
        '~',
        String(this.maxLength),
        '*',
        'o',
        instanceId,
        'k',
        kind,
        'p',
        payload,
      ])
      .catch(dropped);
  }

  private received(entries: readonly StreamEntry[], listener: DocumentRelayListener): void {
    for (const entry of entries) {
      try {
        this.receivedOne(entry, listener);
      } catch (error) {
        // The listener's failure: the next entries still reach it.
        this.options.log.error({ err: error }, 'a relay listener failed');
      }
    }
  }

  private receivedOne(entry: StreamEntry, listener: DocumentRelayListener): void {
    {
      const origin = entry.fields.get('o')?.toString('utf8');
      const kind = entry.fields.get('k')?.toString('latin1');
      const payload = entry.fields.get('p');
      if (!origin || !payload || payload.length > maxPayloadBytes) {
        this.malformed();
        return;
      }
      if (origin === this.options.link.instanceId) return;
      if (kind === 'updates') {
        const updates = decodeUpdates(payload);
        if (updates) listener.updates(updates);
        else this.malformed();
      } else if (kind === 'presence') {
        if (payload.length > 0) listener.presence(new Uint8Array(payload), origin);
        else this.malformed();
      } else if (kind === 'resync') {
        this.options.metrics.gaps.inc({ stream: 'documents' });
        listener.resync();
      } else {
        this.malformed();
      }
    }
  }

  private malformed(): void {
    this.options.metrics.malformed.inc({ stream: 'documents' });
  }
}

function encodeUpdates(updates: readonly RelayedUpdate[]): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, updates.length);
  for (const { seq, update } of updates) {
    encoding.writeVarUint(encoder, seq);
    encoding.writeVarUint8Array(encoder, update);
  }
  return Buffer.from(encoding.toUint8Array(encoder));
}

/** A batch's (seq, update) pairs, or undefined when the bytes are not exactly that. */
export function decodeUpdates(payload: Uint8Array): RelayedUpdate[] | undefined {
  try {
    const decoder = decoding.createDecoder(payload);
    const count = decoding.readVarUint(decoder);
    if (count === 0 || count > maxUpdatesPerEntry) return undefined;
    const updates: RelayedUpdate[] = [];
    for (let index = 0; index < count; index += 1) {
      const seq = decoding.readVarUint(decoder);
      const update = decoding.readVarUint8Array(decoder);
      if (!Number.isSafeInteger(seq) || update.length === 0) return undefined;
      // A copy: the listener keeps it past this entry's Buffer.
      updates.push({ seq, update: update.slice() });
    }
    return decoding.hasContent(decoder) ? undefined : updates;
  } catch {
    return undefined;
  }
}
