import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics for one server instance. A registry per instance (not the global one) so
 * tests can run several servers in one process.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'draftroom_' });

  return {
    registry,
    connections: new Gauge({
      name: 'draftroom_ws_connections',
      help: 'Open collaboration websocket connections',
      registers: [registry],
    }),
    loadedDocuments: new Gauge({
      name: 'draftroom_documents_loaded',
      help: 'Documents currently loaded in memory',
      registers: [registry],
    }),
    updates: new Counter({
      name: 'draftroom_updates_total',
      help: 'Document updates accepted (persisted, applied and broadcast)',
      registers: [registry],
    }),
    persistDuration: new Histogram({
      name: 'draftroom_persist_duration_seconds',
      help: 'Time to durably append one group-committed batch of updates',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    persistBatchSize: new Histogram({
      name: 'draftroom_persist_batch_updates',
      help: 'Updates written per group commit',
      buckets: [1, 2, 5, 10, 25, 50, 100, 250, 1000],
      registers: [registry],
    }),
    compactions: new Counter({
      name: 'draftroom_compactions_total',
      help: 'Compactions of appended updates into one state row',
      registers: [registry],
    }),
    rejectedMessages: new Counter({
      name: 'draftroom_messages_rejected_total',
      help: 'Websocket messages refused, by reason (the connection is closed for all but read_only)',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    parkedUpdates: new Counter({
      name: 'draftroom_updates_parked_total',
      help: 'Updates held unstored because they referred to edits not received yet (out of order)',
      registers: [registry],
    }),
    quarantinedUpdates: new Counter({
      name: 'draftroom_updates_quarantined_total',
      help: 'Stored updates set aside because they failed to apply when their guide loaded',
      registers: [registry],
    }),
    applyFailures: new Counter({
      name: 'draftroom_update_apply_failures_total',
      help: 'Validated updates that still failed to apply (the guide was rebuilt from storage)',
      registers: [registry],
    }),
    compactionsRefused: new Counter({
      name: 'draftroom_compactions_refused_total',
      help: 'Compactions not written because the state did not load back',
      registers: [registry],
    }),
    relayedUpdates: new Counter({
      name: 'draftroom_relayed_updates_total',
      help: 'Updates stored by another server instance and applied here (REDIS_URL)',
      registers: [registry],
    }),
    relayResyncs: new Counter({
      name: 'draftroom_relay_resyncs_total',
      help: 'Guides merged again from the store because the relay may have missed something',
      registers: [registry],
    }),
    relayedPresenceDropped: new Counter({
      name: 'draftroom_relayed_presence_dropped_total',
      help: 'Presence entries from another instance dropped (malformed, or for a client of ours)',
      registers: [registry],
    }),
    presenceIgnored: new Counter({
      name: 'draftroom_presence_ignored_total',
      help: 'Presence entries dropped because they were for a client id the connection does not own (echoes)',
      registers: [registry],
    }),
    presenceCoalesced: new Counter({
      name: 'draftroom_presence_coalesced_total',
      help: 'Presence changes delayed to keep a connection within its presence rate (latest wins)',
      registers: [registry],
    }),
    documentLoadDuration: new Histogram({
      name: 'draftroom_document_load_duration_seconds',
      help: 'Time to load a document from storage',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
export type RejectionReason =
  | 'malformed'
  | 'unknown_type'
  | 'invalid_update'
  | 'too_large'
  | 'read_only'
  | 'keepalive'
  | 'rate_limited'
  | 'document_too_large'
  | 'document_too_many_items'
  | 'invalid_presence'
  | 'dependency_timeout'
  | 'too_many_connections';

/**
 * SQL statements run through Kysely (the conference tables; the document store's prepared
 * statements are not counted), read when scraped: a list whose cost grows per row shows here.
 */
export function registerQueryCounter(registry: Registry, queryCount: () => number): void {
  let reported = 0;
  new Counter({
    name: 'draftroom_sql_queries_total',
    help: 'SQL statements run through Kysely',
    registers: [registry],
    collect() {
      const now = queryCount();
      this.inc(now - reported);
      reported = now;
    },
  });
}

/**
 * The link to Redis (REDIS_URL; several instances): whether it is up, how often it was lost,
 * and what it could not carry. Made only when Redis is configured, on the instance's registry.
 */
export function createRedisMetrics(registry: Registry) {
  return {
    up: new Gauge({
      name: 'draftroom_redis_up',
      help: 'Whether the command connection to Redis is up (1) or down (0)',
      registers: [registry],
    }),
    disconnects: new Counter({
      name: 'draftroom_redis_disconnects_total',
      help: 'Times the connection to Redis was lost (each up → down transition)',
      registers: [registry],
    }),
    dropped: new Counter({
      name: 'draftroom_redis_publish_dropped_total',
      help: 'Entries not written to Redis because it was down or refused them (the others are told to resync)',
      labelNames: ['stream'] as const,
      registers: [registry],
    }),
    malformed: new Counter({
      name: 'draftroom_redis_entries_malformed_total',
      help: 'Entries read from Redis streams and dropped because they did not parse or validate',
      labelNames: ['stream'] as const,
      registers: [registry],
    }),
    gaps: new Counter({
      name: 'draftroom_redis_stream_gaps_total',
      help: 'Times a stream may have lost entries for this instance (Redis restarted, stream trimmed past the last read, a peer dropped entries): its readers resync',
      labelNames: ['stream'] as const,
      registers: [registry],
    }),
  };
}

export type RedisMetrics = ReturnType<typeof createRedisMetrics>;
/** Which kind of stream a Redis figure counts. */
export type RedisStreamKind = 'events' | 'documents';

/** Guides waiting to be re-indexed for search, or being indexed (0: the index is current). */
export function registerSearchPending(registry: Registry, pending: () => number): void {
  new Gauge({
    name: 'draftroom_search_index_pending',
    help: 'Guides with edits the search index has not taken in yet',
    registers: [registry],
    collect() {
      this.set(pending());
    },
  });
}
