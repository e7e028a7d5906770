// The schema the migrations make on SQLite is exactly the one they made before PostgreSQL was
// supported: the SQL SQLite keeps in sqlite_master for every table and index, compared with a
// snapshot taken from main before the migrations learnt about dialects (the dialect helpers
// must answer SQLite with the words the migrations used to write). So a database file made by
// an older server and one made now are the same, and neither needs converting.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPersistence } from '../index.ts';

interface SchemaRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

describe('the SQLite schema', () => {
  it('is byte for byte the schema of the migrations before PostgreSQL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'draftroom-schema-'));
    try {
      const path = join(dir, 'fresh.sqlite');
      await (await openPersistence(path)).close();
      const db = new Database(path, { readonly: true });
      const schema = db
        .prepare<[], SchemaRow>(
          'SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name',
        )
        .all();
      db.close();
      const snapshot = JSON.parse(
        readFileSync(new URL('./sqliteSchema.snapshot.json', import.meta.url), 'utf8'),
      ) as SchemaRow[];
      expect(schema).toEqual(snapshot);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
