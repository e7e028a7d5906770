import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  openPersistence,
  type ConferenceStore,
  type Persistence,
} from '../../src/persistence/index.ts';
import { postgresSearchIndex } from '../../src/services/search/postgresSearchIndex.ts';
import { sqliteSearchIndex, type SearchIndex } from '../../src/services/search/searchIndex.ts';
import { searchPostgres, type SearchPostgres } from './searchPostgres.ts';

/** A database for one test: its conference store and its search index. */
export interface SearchBackend {
  name: string;
  setUp(): Promise<void>;
  open(): Promise<{ store: ConferenceStore; index: SearchIndex; close(): Promise<void> }>;
  tearDown(): Promise<void>;
}

// SQLite: a fresh database file per test.
const sqlite: SearchBackend = {
  name: 'SQLite FTS5',
  setUp: async () => {},
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'draftroom-search-'));
    const persistence: Persistence = await openPersistence(join(dir, 'search.sqlite'));
    return {
      store: persistence,
      index: sqliteSearchIndex(persistence),
      close: async () => {
        await persistence.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  tearDown: async () => {},
};

// PostgreSQL: a fresh database for the file, emptied between tests.
let postgres: SearchPostgres | undefined;
const postgresql: SearchBackend = {
  name: 'PostgreSQL tsvector',
  setUp: async () => {
    postgres = await searchPostgres();
  },
  async open() {
    if (!postgres) throw new Error('PostgreSQL was not set up');
    await postgres.clear();
    return {
      store: postgres.store,
      index: postgresSearchIndex(postgres.store),
      close: async () => {},
    };
  },
  tearDown: async () => {
    await postgres?.drop();
    postgres = undefined;
  },
};

/** Both indexes, for `describe.each`: the same behaviours on real databases. */
export const searchBackends = [sqlite, postgresql];
