import {
  SqliteAdapter,
  type ColumnDefinitionBuilder,
  type ColumnDataType,
  type Kysely,
} from 'kysely';

/**
 * The few column types SQLite and PostgreSQL spell differently, for migrations to ask for by
 * meaning. On SQLite each answer is exactly what the migrations wrote before PostgreSQL existed,
 * so the SQL stored in `sqlite_master` stays the same byte for byte and existing files keep
 * working (migrations/sqliteSchema.test.ts compares it with a snapshot).
 */
export type SqlDialect = 'sqlite' | 'postgres';

export function dialectOf(db: Kysely<unknown>): SqlDialect {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

/** Bytes (Yjs updates and states): SQLite's `blob`, PostgreSQL's `bytea`. */
export function bytesType(db: Kysely<unknown>): ColumnDataType {
  return dialectOf(db) === 'sqlite' ? 'blob' : 'bytea';
}

/**
 * An integer that may pass 2^31 (sequence numbers, byte totals, Yjs client ids, which are
 * unsigned 32-bit): SQLite's `integer` is already 64-bit, PostgreSQL's is not.
 */
export function bigIntegerType(db: Kysely<unknown>): ColumnDataType {
  return dialectOf(db) === 'sqlite' ? 'integer' : 'bigint';
}

/**
 * A primary key the database numbers in insertion order (`document_updates.seq`): SQLite's
 * `integer primary key autoincrement` (never reuses a number, even after the newest row is
 * deleted), PostgreSQL's `bigint` identity (a sequence, which never reuses one either).
 * Use with `bigIntegerType`.
 */
export function sequenceKey(
  db: Kysely<unknown>,
): (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return dialectOf(db) === 'sqlite'
    ? (column) => column.primaryKey().autoIncrement()
    : (column) => column.primaryKey().generatedByDefaultAsIdentity();
}
