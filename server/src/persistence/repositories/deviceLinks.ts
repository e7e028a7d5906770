import type { Db } from './database.ts';

export interface DeviceLinkRecord {
  id: string;
  personId: string;
  /** The sign-in that asked for the link. */
  authSessionId: string;
  expiresAt: string;
  usedAt: string | null;
}

type Row = {
  id: string;
  person_id: string;
  auth_session_id: string;
  expires_at: string;
  used_at: string | null;
};
const toRecord = (row: Row): DeviceLinkRecord => ({
  id: row.id,
  personId: row.person_id,
  authSessionId: row.auth_session_id,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
});

/** "Add a device" links: looked up by the hash of their token or of their code. */
export function deviceLinksRepository(db: Db) {
  const columns = ['id', 'person_id', 'auth_session_id', 'expires_at', 'used_at'] as const;
  return {
    async create(
      link: DeviceLinkRecord & { tokenHash: string; codeHash: string; createdAt: string },
    ): Promise<void> {
      await db
        .insertInto('device_links')
        .values({
          id: link.id,
          person_id: link.personId,
          auth_session_id: link.authSessionId,
          token_hash: link.tokenHash,
          code_hash: link.codeHash,
          created_at: link.createdAt,
          expires_at: link.expiresAt,
          used_at: link.usedAt,
        })
        .execute();
    },
    async getByTokenHash(tokenHash: string): Promise<DeviceLinkRecord | undefined> {
      const row = await db
        .selectFrom('device_links')
        .select(columns)
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row && toRecord(row);
    },
    /** The newest link with this code (codes are short, so an old one may share it). */
    async getByCodeHash(codeHash: string): Promise<DeviceLinkRecord | undefined> {
      const row = await db
        .selectFrom('device_links')
        .select(columns)
        .where('code_hash', '=', codeHash)
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      return row && toRecord(row);
    },
    /** Takes the link's one use; false if it was used (or expired) meanwhile. */
    async use(id: string, now: string): Promise<boolean> {
      const result = await db
        .updateTable('device_links')
        .set({ used_at: now })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
