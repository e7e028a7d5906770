// Practices written straight into the test's database, beside the server (as an operator would),
// for the citation and running-order tests: the library's own routes are another helper's, and
// these tests need practices in every status and in two events without going through curation.
import Database from 'better-sqlite3';
import pg from 'pg';
import { parliamentKey } from '@draftroom/shared';
import { isPostgresUrl } from '../../src/persistence/index.ts';

export interface PracticeSeed {
  eventId: string;
  title: string;
  parliament?: string;
  country?: string;
  status?: 'submitted' | 'changes-requested' | 'approved' | 'merged';
  mergedInto?: string | null;
  summary?: string;
  /** Each section's ProseMirror JSON `doc` (an empty paragraph by default). */
  sections?: { whatWasDone?: unknown; results?: unknown; lessons?: unknown };
}

let counter = 0;
const emptyDoc = { type: 'doc', content: [{ type: 'paragraph' }] };

/** Inserts a practice (revision 1) and returns its id. */
export async function insertPractice(databaseUrl: string, seed: PracticeSeed): Promise<string> {
  const id = `prac-${Date.now().toString(36)}-${++counter}`;
  const parliament = seed.parliament ?? 'Parliament of Ghana';
  const country = seed.country ?? 'GH';
  const now = new Date().toISOString();
  const row: Record<string, unknown> = {
    id,
    event_id: seed.eventId,
    status: seed.status ?? 'approved',
    revision: 1,
    title: seed.title,
    parliament,
    parliament_key: parliamentKey(parliament, country),
    country,
    audiences: '[]',
    topics: '["open-data"]',
    languages: '["en"]',
    links: '[]',
    summary: seed.summary ?? `What ${seed.title} did.`,
    what_was_done: JSON.stringify(seed.sections?.whatWasDone ?? emptyDoc),
    results: JSON.stringify(seed.sections?.results ?? emptyDoc),
    lessons: JSON.stringify(seed.sections?.lessons ?? emptyDoc),
    contact_name: null,
    contact_email: null,
    public: 0,
    merged_into: seed.mergedInto ?? null,
    review_note: null,
    submitted_by: null,
    created_at: now,
    updated_at: now,
  };
  await write(databaseUrl, 'practices', row);
  return id;
}

/** Changes a practice's status (and what it was merged into) as curation would. */
export async function setPracticeStatus(
  databaseUrl: string,
  id: string,
  status: NonNullable<PracticeSeed['status']>,
  mergedInto: string | null = null,
): Promise<void> {
  await run(databaseUrl, 'UPDATE practices SET status = ?, merged_into = ? WHERE id = ?', [
    status,
    mergedInto,
    id,
  ]);
}

async function write(databaseUrl: string, table: string, row: Record<string, unknown>) {
  const columns = Object.keys(row);
  await run(
    databaseUrl,
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    Object.values(row),
  );
}

async function run(databaseUrl: string, query: string, params: readonly unknown[]) {
  if (!isPostgresUrl(databaseUrl)) {
    const db = new Database(databaseUrl, { fileMustExist: true, timeout: 5000 });
    try {
      db.prepare(query).run(...params);
    } finally {
      db.close();
    }
    return;
  }
  let index = 0;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      query.replace(/\?/g, () => `$${++index}`),
      [...params],
    );
  } finally {
    await client.end();
  }
}
