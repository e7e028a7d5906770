import Database from 'better-sqlite3';
import pg from 'pg';
import { apiPath, type LanguageCode, type Me } from '@draftroom/shared';
import { isPostgresUrl } from '../../src/persistence/index.ts';
import { randomId } from '../../src/lib/ids.ts';
import { ApiClient, startSmtpCapture, type SmtpCapture } from '../../testing/index.ts';
import { importRows } from './conferenceApi.ts';
import { startLoggedServer, type LoggedServer } from './loggedServer.ts';

/** A logged server sending mail to a capture SMTP server, its organiser signed in. */
export interface MailWorld {
  smtp: SmtpCapture;
  logged: LoggedServer;
  organiser: ApiClient;
  eventId: string;
  cleanup(): Promise<void>;
}

/** Fast timings so retries happen within a test: polled every 100 ms, retried after 100 ms. */
export async function startMailWorld(
  smtp: SmtpCapture,
  env: Record<string, string> = {},
): Promise<MailWorld> {
  const logged = await startLoggedServer({
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Draftroom <noreply@draftroom.test>',
    MAIL_POLL_MS: '100',
    MAIL_RETRY_MS: '100',
    ...env,
  });
  const link = logged.server.startupLinks[0];
  if (!link) throw new Error('no organiser link on first start');
  const organiser = await ApiClient.join(logged.url, link.joinPath);
  const me = await organiser.expect<Me>(200, 'GET', apiPath('me'));
  return {
    smtp,
    logged,
    organiser,
    eventId: me.person.eventId,
    async cleanup() {
      await logged.cleanup();
      await smtp.stop();
    },
  };
}

export { startSmtpCapture };

/** Imports one person (as the registration import does) and returns their id. */
export async function importPerson(
  organiser: ApiClient,
  person: { name: string; email: string; language: LanguageCode },
): Promise<string> {
  const report = await importRows(organiser, [
    `${person.name},Parliament of Kenya,KE,${person.language},${person.email},`,
  ]);
  const created = report.created[0];
  if (!created) throw new Error(`import failed: ${JSON.stringify(report)}`);
  return created.person.id;
}

/** Writes to the test database directly (rows whose routes another feature builds). */
export async function executeSql(
  databaseUrl: string,
  query: string,
  params: readonly unknown[] = [],
): Promise<void> {
  if (!isPostgresUrl(databaseUrl)) {
    const db = new Database(databaseUrl);
    try {
      db.pragma('busy_timeout = 5000');
      db.prepare(query).run(...params);
    } finally {
      db.close();
    }
    return;
  }
  let index = 0;
  const numbered = query.replace(/\?/g, () => `$${++index}`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(numbered, [...params]);
  } finally {
    await client.end();
  }
}

/**
 * A delegation with one delegate in `status`, who became `personId` (registration's rows, written
 * directly: the outbox only reads the delegate's status). Returns the delegate's id.
 */
export async function insertDelegate(
  databaseUrl: string,
  fields: { eventId: string; personId: string; email: string; status: string },
): Promise<string> {
  const now = new Date().toISOString();
  const delegationId = randomId();
  const delegateId = randomId();
  await executeSql(
    databaseUrl,
    `INSERT INTO delegations (id, event_id, parliament, country, focal_name, focal_email,
       token_hash, source, reopened_until, submitted_at, created_at, updated_at)
     VALUES (?, ?, 'Parliament of Kenya', 'KE', 'Focal Point', 'focal@example.org', ?, 'invited',
       NULL, ?, ?, ?)`,
    [delegationId, fields.eventId, randomId(), now, now, now],
  );
  await executeSql(
    databaseUrl,
    `INSERT INTO delegates (id, delegation_id, event_id, position, name, function, email,
       email_key, working_languages, audiences, preferred_language, status, decided_at,
       decided_by, person_id, created_at, updated_at)
     VALUES (?, ?, ?, 0, 'Delegate', 'Member', ?, ?, '["en"]', '[]', 'en', ?, ?, NULL, ?, ?, ?)`,
    [
      delegateId,
      delegationId,
      fields.eventId,
      fields.email,
      fields.email.toLowerCase(),
      fields.status,
      now,
      fields.personId,
      now,
      now,
    ],
  );
  return delegateId;
}

/** The first sign-in link in an email's text. */
export function linkIn(text: string): string {
  const match = /https?:\/\/\S+\/join\/[A-Za-z0-9_-]+/.exec(text);
  if (!match) throw new Error(`no sign-in link in: ${text}`);
  return match[0];
}
