import type { Kysely } from 'kysely';

/**
 * Interactive sessions (issue 15). Questions and their up-votes, polls and their ballots, per
 * session; dot votes on a guide's sections or items and each person's dots. One vote per person
 * and question, one ballot per person and poll, one allocation per person and dot vote: primary
 * keys, so a replayed request or a second browser cannot count twice whatever the server's
 * timing. Option lists, choices and dots are small JSON arrays read back whole. Plain text and
 * integers: SQL that SQLite and PostgreSQL both accept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('session_question_settings')
    .addColumn('session_id', 'text', (c) =>
      c.primaryKey().references('sessions.id').onDelete('cascade'),
    )
    .addColumn('moderated', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('session_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) =>
      c.notNull().references('sessions.id').onDelete('cascade'),
    )
    // Person ids without foreign keys: a question outlives its asker's record (like comments).
    .addColumn('asked_by', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    // pending | approved | answered | hidden
    .addColumn('status', 'text', (c) => c.notNull())
    // When it was pinned as "answering now"; at most one question of a session has it.
    .addColumn('pinned_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('session_questions_session')
    .on('session_questions')
    .columns(['session_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('session_question_votes')
    .addColumn('question_id', 'text', (c) =>
      c.notNull().references('session_questions.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('voted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_question_votes_pk', ['question_id', 'person_id'])
    .execute();
  await db.schema
    .createTable('session_polls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) =>
      c.notNull().references('sessions.id').onDelete('cascade'),
    )
    // single | multiple | ranking | words
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    // draft | open | closed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('revealed', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text')
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createIndex('session_polls_session')
    .on('session_polls')
    .columns(['session_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('session_poll_ballots')
    .addColumn('poll_id', 'text', (c) =>
      c.notNull().references('session_polls.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'text', (c) => c.notNull())
    // Option indexes in order (a ranking's order is the person's preference).
    .addColumn('choices', 'text', (c) => c.notNull())
    // A word cloud's words, as typed (NFC, trimmed).
    .addColumn('words', 'text', (c) => c.notNull())
    .addColumn('cast_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_poll_ballots_pk', ['poll_id', 'person_id'])
    .execute();
  await db.schema
    .createTable('guide_dot_votes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('guide_id', 'text', (c) => c.notNull().references('guides.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    // The sections or items voted on, as the guide read when the vote opened.
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('dots', 'integer', (c) => c.notNull())
    // open | closed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    // The version taken when it closed: the result is kept with the guide's history.
    .addColumn('version_id', 'text')
    .execute();
  await db.schema
    .createIndex('guide_dot_votes_guide')
    .on('guide_dot_votes')
    .columns(['guide_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('guide_dot_allocations')
    .addColumn('vote_id', 'text', (c) =>
      c.notNull().references('guide_dot_votes.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'text', (c) => c.notNull())
    // Dots per item, in the vote's item order.
    .addColumn('dots', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('guide_dot_allocations_pk', ['vote_id', 'person_id'])
    .execute();
}
