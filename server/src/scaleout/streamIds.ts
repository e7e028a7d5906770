/**
 * Redis stream entry ids (`<milliseconds>-<sequence>`) and the raw replies that carry entries.
 * Replies are parsed by hand, not by node-redis's transforms, so that a field holding anything
 * at all (another instance's version, a hand-written XADD) is only ever a Buffer we check.
 */

export const streamStart = '0-0';

const idPattern = /^(\d{1,20})-(\d{1,20})$/;

/** Orders two ids (-1, 0, 1); ids are compared as the two numbers they are, not as text. */
export function compareIds(a: string, b: string): number {
  const [am, as] = idParts(a);
  const [bm, bs] = idParts(b);
  if (am !== bm) return am < bm ? -1 : 1;
  if (as !== bs) return as < bs ? -1 : 1;
  return 0;
}

export function isStreamId(value: string): boolean {
  return idPattern.test(value);
}

function idParts(id: string): [bigint, bigint] {
  const match = idPattern.exec(id);
  if (!match) return [0n, 0n];
  return [BigInt(match[1] as string), BigInt(match[2] as string)];
}

export interface StreamEntry {
  id: string;
  /** Field → value, as Redis holds them (a repeated field keeps its last value). */
  fields: Map<string, Buffer>;
}

/** One stream's part of an XREAD reply: its entries, and how many could not be read at all. */
export interface StreamBatch {
  key: string;
  entries: StreamEntry[];
  /** Entries whose shape was not an entry (only a broken Redis or proxy sends those). */
  unreadable: number;
  /** The highest id seen, readable or not: reading continues after it. */
  lastId: string | undefined;
}

const text = (value: unknown): string | undefined =>
  Buffer.isBuffer(value) ? value.toString('latin1') : typeof value === 'string' ? value : undefined;

/** A raw RESP2 XREAD reply (null on timeout) → its streams; never throws. */
export function parseXRead(reply: unknown): StreamBatch[] {
  if (!Array.isArray(reply)) return [];
  const batches: StreamBatch[] = [];
  for (const stream of reply) {
    if (!Array.isArray(stream) || stream.length !== 2) continue;
    const key = text(stream[0]);
    if (key === undefined || !Array.isArray(stream[1])) continue;
    batches.push(parseEntries(key, stream[1] as unknown[]));
  }
  return batches;
}

/** A raw XRANGE/XREVRANGE reply's entries; never throws. */
export function parseEntries(key: string, raw: unknown[]): StreamBatch {
  const batch: StreamBatch = { key, entries: [], unreadable: 0, lastId: undefined };
  for (const item of raw) {
    const id = Array.isArray(item) ? text(item[0]) : undefined;
    if (id !== undefined && isStreamId(id)) batch.lastId = id;
    const values = Array.isArray(item) ? item[1] : undefined;
    if (id === undefined || !isStreamId(id) || !Array.isArray(values) || values.length % 2) {
      batch.unreadable += 1;
      continue;
    }
    const fields = new Map<string, Buffer>();
    let readable = true;
    for (let index = 0; index < values.length; index += 2) {
      const name = text(values[index]);
      const value: unknown = values[index + 1];
      if (name === undefined || !Buffer.isBuffer(value)) readable = false;
      else fields.set(name, value);
    }
    if (readable) batch.entries.push({ id, fields });
    else batch.unreadable += 1;
  }
  return batch;
}
