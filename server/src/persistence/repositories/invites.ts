import type { Role, Scope } from '@draftroom/shared';
import type { DatabaseSchema } from '../schema.ts';
import type { Db } from './database.ts';

type InviteRow = DatabaseSchema['invites'];

export interface InviteRecord {
  id: string;
  eventId: string;
  tokenHash: string;
  role: Role;
  scope: Scope;
  label: string;
  personId: string | null;
  expiresAt: string;
  maxUses: number;
  uses: number;
  revokedAt: string | null;
  createdAt: string;
}

const toInvite = (row: InviteRow): InviteRecord => ({
  id: row.id,
  eventId: row.event_id,
  tokenHash: row.token_hash,
  role: row.role as Role,
  scope: { type: row.scope_type as Scope['type'], id: row.scope_id },
  label: row.label,
  personId: row.person_id,
  expiresAt: row.expires_at,
  maxUses: row.max_uses,
  uses: row.uses,
  revokedAt: row.revoked_at,
  createdAt: row.created_at,
});

export function invitesRepository(db: Db) {
  return {
    async create(invite: InviteRecord): Promise<InviteRecord> {
      await db
        .insertInto('invites')
        .values({
          id: invite.id,
          event_id: invite.eventId,
          token_hash: invite.tokenHash,
          role: invite.role,
          scope_type: invite.scope.type,
          scope_id: invite.scope.id,
          label: invite.label,
          person_id: invite.personId,
          expires_at: invite.expiresAt,
          max_uses: invite.maxUses,
          uses: invite.uses,
          revoked_at: invite.revokedAt,
          created_at: invite.createdAt,
        })
        .execute();
      return invite;
    },
    async get(id: string): Promise<InviteRecord | undefined> {
      const row = await db
        .selectFrom('invites')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toInvite(row);
    },
    async getByTokenHash(tokenHash: string): Promise<InviteRecord | undefined> {
      const row = await db
        .selectFrom('invites')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row && toInvite(row);
    },
    async listByEvent(eventId: string): Promise<InviteRecord[]> {
      const rows = await db
        .selectFrom('invites')
        .selectAll()
        .where('event_id', '=', eventId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toInvite);
    },
    /**
     * Takes one use, atomically: two people racing for the last use cannot both get it.
     * Returns false when the invite is used up, revoked or expired by now.
     */
    async consume(id: string, now: string): Promise<boolean> {
      const result = await db
        .updateTable('invites')
        .set((eb) => ({ uses: eb('uses', '+', 1) }))
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .where((eb) => eb('uses', '<', eb.ref('max_uses')))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    /** Withdraws a person's personal links not used up yet (their registration was declined). */
    async revokeUnusedForPerson(personId: string, now: string): Promise<void> {
      await db
        .updateTable('invites')
        .set({ revoked_at: now })
        .where('person_id', '=', personId)
        .where('revoked_at', 'is', null)
        .where((eb) => eb('uses', '<', eb.ref('max_uses')))
        .execute();
    },
    async revoke(id: string, now: string): Promise<void> {
      await db
        .updateTable('invites')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    },
    /**
     * Deletes an invite nobody has used: a sign-in email's link when SMTP did not take the
     * message (its token was never seen by anyone, so no row should keep standing for it).
     */
    async removeUnused(id: string): Promise<void> {
      await db.deleteFrom('invites').where('id', '=', id).where('uses', '=', 0).execute();
    },
  };
}
