import { PostgresAdapter, type Kysely, type Transaction } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';

/** A connection or an open transaction: repositories work the same on both. */
export type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

export const parseJsonArray = <T extends string>(text: string): T[] => JSON.parse(text) as T[];

export type Dialect = 'sqlite' | 'postgres';

/** The database behind a connection, from Kysely's adapter (SQLite is the only other one). */
export const dialectOf = (db: Db): Dialect =>
  db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
