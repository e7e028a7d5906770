import type { Logger } from '../lib/logger.ts';
import type { DocumentStore } from './documentStore.ts';
import type { ExclusiveOutcome } from './exclusive.ts';
import type { SqlDialect } from './dialect.ts';
import type { Repositories } from './repositories/index.ts';
import type { StoreHealth } from './storeHealth.ts';

export interface Persistence {
  /** The collaboration hot path: group commit, one transaction per batch. */
  documents: DocumentStore;
  /** Everything else, through Kysely (the same code runs on SQLite and PostgreSQL). */
  repositories: Repositories;
  /** Runs `work` in one transaction; its repositories see and write only inside it. */
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  /** Whether document writes succeed (the server only; the command line does not track it). */
  health: StoreHealth | undefined;
  /** Which database this is: what differs (the search index) is chosen by it. */
  dialect: SqlDialect;
  /**
   * Runs work one instance at a time (seeding the first start, a scheduled freeze): see
   * `exclusive.ts`. On SQLite there is one instance, so it just runs.
   */
  exclusively<T>(
    name: string,
    work: () => Promise<T>,
    options: { wait: boolean },
  ): Promise<ExclusiveOutcome<T>>;
  /** SQL statements run through Kysely so far: a list whose cost grows per row shows here. */
  queryCount(): number;
  close(): Promise<void>;
}

/** What the server needs beyond the command line: it owns the database while it runs. */
export interface ServerStorageOptions {
  logger: Logger;
  /** While writes fail, how often to try one again (STORE_PROBE_INTERVAL_MS). */
  probeIntervalMs: number;
}
