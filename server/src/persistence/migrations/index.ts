import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as documents from './0001_documents.ts';
import * as conference from './0002_conference.ts';
import * as quarantine from './0003_quarantine.ts';
import * as eventContact from './0004_event_contact.ts';
import * as deviceLinks from './0005_device_links.ts';
import * as versions from './0009_versions.ts';

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
  '0009_versions': versions,
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
