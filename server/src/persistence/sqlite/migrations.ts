import type Database from 'better-sqlite3';

/**
 * Schema migrations, applied in order inside one transaction each; `PRAGMA user_version` records
 * how many have run. Never edit a migration that has shipped: append a new one.
 */
const migrations: readonly string[] = [
  `
  CREATE TABLE document_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX document_updates_by_document ON document_updates (document_id, seq);
  CREATE TABLE document_states (
    document_id TEXT PRIMARY KEY,
    state BLOB NOT NULL,
    compacted_seq INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE guides (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  `,
];

export function runMigrations(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let index = current; index < migrations.length; index++) {
    db.transaction(() => {
      db.exec(migrations[index] as string);
      db.pragma(`user_version = ${index + 1}`);
    })();
  }
}
