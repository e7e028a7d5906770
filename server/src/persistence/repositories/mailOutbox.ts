import type { LanguageCode } from '@draftroom/shared';
import { randomId } from '../../lib/ids.ts';
import type { DatabaseSchema } from '../schema.ts';
import type { Db } from './database.ts';

type OutboxRow = DatabaseSchema['mail_outbox'];

/** What a message is; each kind is rendered, in its language, when it is sent. */
export type MailKind = 'delegate-invitation';

/** pending: waiting for (another) attempt; sent: accepted by SMTP; failed: gave up; cancelled. */
export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'cancelled';

export interface OutboxRecord {
  id: string;
  eventId: string;
  kind: MailKind;
  recipient: string;
  language: LanguageCode;
  personId: string | null;
  delegateId: string | null;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface NewOutboxMessage {
  eventId: string;
  kind: MailKind;
  recipient: string;
  language: LanguageCode;
  personId: string | null;
  delegateId: string | null;
}

const toRecord = (row: OutboxRow): OutboxRecord => ({
  id: row.id,
  eventId: row.event_id,
  kind: row.kind as MailKind,
  recipient: row.recipient,
  language: row.language as LanguageCode,
  personId: row.person_id,
  delegateId: row.delegate_id,
  status: row.status as OutboxStatus,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
  createdAt: row.created_at,
  sentAt: row.sent_at,
});

/**
 * The mail outbox: a message is written in the same transaction as what caused it (an approval),
 * so it exists exactly when that happened, and stays until the SMTP server accepts it. Senders
 * claim a due message for a while (`claimed_until`) so two instances never try it at once.
 */
export function mailOutboxRepository(db: Db) {
  return {
    async enqueue(message: NewOutboxMessage, now = new Date().toISOString()): Promise<string> {
      const id = randomId();
      await db
        .insertInto('mail_outbox')
        .values({
          id,
          event_id: message.eventId,
          kind: message.kind,
          recipient: message.recipient,
          language: message.language,
          person_id: message.personId,
          delegate_id: message.delegateId,
          status: 'pending',
          attempts: 0,
          next_attempt_at: now,
          claimed_until: null,
          last_error: null,
          created_at: now,
          sent_at: null,
        })
        .execute();
      return id;
    },

    async get(id: string): Promise<OutboxRecord | undefined> {
      const row = await db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toRecord(row);
    },

    /** Pending messages due by `now` and not claimed by a live sender, oldest first. */
    async due(now: string, limit: number): Promise<OutboxRecord[]> {
      const rows = await db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toRecord);
    },

    /** Takes a message for one attempt until `until`; false when another sender has it. */
    async claim(id: string, now: string, until: string): Promise<boolean> {
      const result = await db
        .updateTable('mail_outbox')
        .set({ claimed_until: until })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async markSent(id: string, at: string): Promise<void> {
      await db
        .updateTable('mail_outbox')
        .set((eb) => ({
          status: 'sent',
          sent_at: at,
          claimed_until: null,
          last_error: null,
          attempts: eb('attempts', '+', 1),
        }))
        .where('id', '=', id)
        .execute();
    },

    /** One failed attempt: try again at `retryAt`, or give up (`retryAt` null). */
    async markAttemptFailed(id: string, error: string, retryAt: string | null): Promise<void> {
      await db
        .updateTable('mail_outbox')
        .set((eb) => ({
          status: retryAt ? 'pending' : 'failed',
          next_attempt_at: retryAt ?? eb.ref('next_attempt_at'),
          claimed_until: null,
          last_error: error,
          attempts: eb('attempts', '+', 1),
        }))
        .where('id', '=', id)
        .execute();
    },

    /** Withdraws one message (its person or delegate is gone, or no longer approved). */
    async cancel(id: string): Promise<void> {
      await db
        .updateTable('mail_outbox')
        .set({ status: 'cancelled', claimed_until: null })
        .where('id', '=', id)
        .where('status', 'in', ['pending', 'failed'])
        .execute();
    },

    /**
     * Where a message's delegate stands (pending | approved | declined), read at send time so a
     * delegate declined after approval is not sent a link; undefined when the row is gone.
     */
    async delegateStatus(delegateId: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('delegates')
        .select('status')
        .where('id', '=', delegateId)
        .executeTakeFirst();
      return row?.status;
    },

    /** Withdraws a delegate's messages not sent yet (declined after approval, or sent anew). */
    async cancelPendingForDelegate(delegateId: string): Promise<void> {
      await db
        .updateTable('mail_outbox')
        .set({ status: 'cancelled', claimed_until: null })
        .where('delegate_id', '=', delegateId)
        .where('status', 'in', ['pending', 'failed'])
        .execute();
    },

    /** The newest message of each delegate (the organiser's "email" column). */
    async latestByDelegate(eventId: string): Promise<Map<string, OutboxRecord>> {
      const rows = await db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('event_id', '=', eventId)
        .where('delegate_id', 'is not', null)
        .where('status', '!=', 'cancelled')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const latest = new Map<string, OutboxRecord>();
      for (const row of rows) latest.set(row.delegate_id as string, toRecord(row));
      return latest;
    },
  };
}
