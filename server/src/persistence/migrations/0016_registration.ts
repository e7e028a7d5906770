import type { Kysely } from 'kysely';

/**
 * Registration of delegations, the mail outbox and the personal programme (issue 16).
 *
 * - `registration_settings`: one row per event once the organisers touch registration: open or
 *   not, the deadline, and the public page's token (kept as is: that link is meant to be shared).
 * - `delegations`: one per parliament. The focal point's private link is kept as a SHA-256 hash
 *   only, like invite tokens; a new link replaces the hash. `reopened_until` lets one parliament
 *   change its delegation past the event's deadline.
 * - `delegates`: who the focal point registered. `email_key` (lower case) is unique per event,
 *   so one person cannot be registered twice, by one delegation or two. An approved delegate
 *   points at the person they became.
 * - `mail_outbox`: every message until the SMTP server accepts it. It holds no link: a sign-in
 *   link is minted when the message is sent, so no usable token waits in the database.
 *   `claimed_until` lets one instance at a time try a message.
 * - `session_attendance`: who plans to attend which session.
 * - `people.audiences`: the audience tags a person follows (JSON array), for their programme.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('registration_settings')
    .addColumn('event_id', 'text', (c) =>
      c.primaryKey().references('events.id').onDelete('cascade'),
    )
    .addColumn('open', 'integer', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('public_token', 'text', (c) => c.unique())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('delegations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('parliament', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('focal_name', 'text', (c) => c.notNull())
    .addColumn('focal_email', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    // invited | public
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('reopened_until', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('delegations_by_event')
    .on('delegations')
    .columns(['event_id', 'parliament'])
    .execute();

  await db.schema
    .createTable('delegates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('delegation_id', 'text', (c) =>
      c.notNull().references('delegations.id').onDelete('cascade'),
    )
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('function', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_key', 'text', (c) => c.notNull())
    .addColumn('working_languages', 'text', (c) => c.notNull())
    .addColumn('audiences', 'text', (c) => c.notNull())
    .addColumn('preferred_language', 'text', (c) => c.notNull())
    // pending | approved | declined
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('delegates_email_per_event', ['event_id', 'email_key'])
    .execute();
  await db.schema
    .createIndex('delegates_by_delegation')
    .on('delegates')
    .columns(['delegation_id', 'position'])
    .execute();

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    // delegate-invitation (the only kind so far)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('delegate_id', 'text', (c) => c.references('delegates.id').onDelete('set null'))
    // pending | sent | failed | cancelled
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('mail_outbox_due')
    .on('mail_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('mail_outbox_by_delegate')
    .on('mail_outbox')
    .column('delegate_id')
    .execute();

  await db.schema
    .createTable('session_attendance')
    .addColumn('session_id', 'text', (c) =>
      c.notNull().references('sessions.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_attendance_pk', ['session_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('session_attendance_by_person')
    .on('session_attendance')
    .column('person_id')
    .execute();

  await db.schema
    .alterTable('people')
    .addColumn('audiences', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}
