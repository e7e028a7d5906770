import type { Db } from './database.ts';

export interface AuthSessionRecord {
  id: string;
  personId: string;
  expiresAt: string;
}

/** Sign-ins: one row per cookie, so each can be revoked on its own or all at once. */
export function authSessionsRepository(db: Db) {
  return {
    async create(session: AuthSessionRecord & { tokenHash: string }): Promise<void> {
      await db
        .insertInto('auth_sessions')
        .values({
          id: session.id,
          token_hash: session.tokenHash,
          person_id: session.personId,
          created_at: new Date().toISOString(),
          expires_at: session.expiresAt,
          revoked_at: null,
        })
        .execute();
    },
    /** The live sign-in with this token hash: not revoked, not expired. */
    async findActive(tokenHash: string, now: string): Promise<AuthSessionRecord | undefined> {
      const row = await db
        .selectFrom('auth_sessions')
        .select(['id', 'person_id', 'expires_at'])
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return row && { id: row.id, personId: row.person_id, expiresAt: row.expires_at };
    },
    async isActive(id: string, now: string): Promise<boolean> {
      const row = await db
        .selectFrom('auth_sessions')
        .select('id')
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return row !== undefined;
    },
    async revoke(id: string, now: string): Promise<void> {
      await db
        .updateTable('auth_sessions')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    },
    async revokeAllFor(personId: string, now: string): Promise<void> {
      await db
        .updateTable('auth_sessions')
        .set({ revoked_at: now })
        .where('person_id', '=', personId)
        .where('revoked_at', 'is', null)
        .execute();
    },
  };
}
