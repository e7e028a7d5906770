import { createHash } from 'node:crypto';
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as documents from './0001_documents.ts';
import * as conference from './0002_conference.ts';
import * as quarantine from './0003_quarantine.ts';
import * as eventContact from './0004_event_contact.ts';
import * as deviceLinks from './0005_device_links.ts';
import * as contributions from './0006_contributions.ts';
import * as guideLocks from './0007_guide_locks.ts';
import * as templates from './0008_templates.ts';
import * as versions from './0009_versions.ts';
import * as sessionLive from './0010_session_live.ts';
import * as search from './0011_search.ts';
import * as guideReview from './0012_guide_review.ts';
import * as comments from './0013_comments.ts';
import * as searchPostgres from './0014_search_postgres.ts';
import * as interaction from './0015_interaction.ts';
import * as registration from './0016_registration.ts';
import * as practices from './0017_practices.ts';
import * as parliamentConfirmed from './0018_parliament_confirmed.ts';

/**
 * Every migration, in order, bundled in code (no directory scanning, so it works the same from
 * source and from a bundle). Never edit a migration that has shipped: add the next one.
 */
const migrations: Record<string, Migration> = {
  '0001_documents': documents,
  '0002_conference': conference,
  '0003_quarantine': quarantine,
  '0004_event_contact': eventContact,
  '0005_device_links': deviceLinks,
  '0006_contributions': contributions,
  '0007_guide_locks': guideLocks,
  '0008_templates': templates,
  '0009_versions': versions,
  '0010_session_live': sessionLive,
  '0011_search': search,
  '0012_guide_review': guideReview,
  '0013_comments': comments,
  '0014_search_postgres': searchPostgres,
  '0015_interaction': interaction,
  '0016_registration': registration,
  '0017_practices': practices,
  '0018_parliament_confirmed': parliamentConfirmed,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; throws, naming the migration, if one fails. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(`Database migration ${failed ?? '(unknown)'} failed: ${String(error)}`, {
      cause: error,
    });
  }
}

/**
 * A digest of every migration's name and code: the same for two schemas made by the same
 * migrations (tests clone an already migrated database named after it).
 */
export function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const [name, migration] of Object.entries(migrations)) {
    hash.update(`${name}\n${migration.up.toString()}\n${migration.down?.toString() ?? ''}\n`);
  }
  return hash.digest('hex').slice(0, 12);
}
