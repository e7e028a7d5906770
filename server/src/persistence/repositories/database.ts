import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';

/** A connection or an open transaction: repositories work the same on both. */
export type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

export const parseJsonArray = <T extends string>(text: string): T[] => JSON.parse(text) as T[];
