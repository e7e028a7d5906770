import type { DocumentStore } from './documentStore.ts';
import type { GuideRepository } from './guideRepository.ts';
import { openSqlite, type SqliteSynchronous } from './sqlite/database.ts';
import { createSqliteDocumentStore } from './sqlite/sqliteDocumentStore.ts';
import { createSqliteGuideRepository } from './sqlite/sqliteGuideRepository.ts';

export type { DocumentStore, StoredDocument, AppendEntry } from './documentStore.ts';
export type { GuideRepository, GuideRecord } from './guideRepository.ts';

export interface Persistence {
  documents: DocumentStore;
  guides: GuideRepository;
  close(): Promise<void>;
}

/** Opens the storage named by DATABASE_URL. Only SQLite for now; PostgreSQL plugs in here. */
export function openPersistence(databaseUrl: string, synchronous?: SqliteSynchronous): Persistence {
  const db = openSqlite(databaseUrl, synchronous);
  const documents = createSqliteDocumentStore(db);
  return {
    documents,
    guides: createSqliteGuideRepository(db),
    close: () => documents.close(),
  };
}
